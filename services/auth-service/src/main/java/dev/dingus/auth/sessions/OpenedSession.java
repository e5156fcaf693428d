package dev.dingus.auth.sessions;

import java.util.UUID;

/** A session after login or refresh: whose it is, its id (the tokens' {@code sid}) and its current refresh token. */
public record OpenedSession(UUID sessionId, UUID userId, RefreshToken refreshToken) {}
