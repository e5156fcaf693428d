package dev.dingus.auth.accounts.internal;

import dev.dingus.auth.accounts.UserView;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}; never leaves the accounts feature except as a {@link UserView}. */
public record UserRow(UUID id, String username, String email, String passwordHash, String displayName, String avatarUrl,
        String statusText, Instant createdAt) {

    public UserView toView(boolean withEmail) {
        return new UserView(id, username, displayName, avatarUrl, statusText, createdAt, withEmail ? email : null);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + "]"; // no email or hash in logs
    }
}
