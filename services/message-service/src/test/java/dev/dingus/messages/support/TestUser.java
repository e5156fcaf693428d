package dev.dingus.messages.support;

import java.util.UUID;

/** A user of the tests, with a valid access token of its own session. */
public record TestUser(UUID id, String username, String sessionId, String token) {}
