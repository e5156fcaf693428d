package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import java.util.List;

record UserList(List<UserView> items) {}
