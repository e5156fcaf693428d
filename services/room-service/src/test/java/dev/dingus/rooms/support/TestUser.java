package dev.dingus.rooms.support;

import java.util.UUID;

/** A user known to auth-service's stand-in, with a valid access token. */
public record TestUser(UUID id, String username, String token) {}
