package dev.dingus.testsupport;

import java.util.UUID;

/** A user of a service test: its id and username, and a valid access token (e.g. from {@link TestTokens}). */
public record TestUser(UUID id, String username, String token) {}
