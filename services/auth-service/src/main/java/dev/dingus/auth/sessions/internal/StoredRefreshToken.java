package dev.dingus.auth.sessions.internal;

import java.time.Instant;
import java.util.UUID;

/** A refresh token's row joined with its session: everything the rotation rules look at. */
public record StoredRefreshToken(UUID sessionId, UUID userId, Instant expiresAt, Instant spentAt, Instant sessionRevokedAt) {}
