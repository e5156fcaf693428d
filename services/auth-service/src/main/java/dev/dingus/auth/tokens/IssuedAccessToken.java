package dev.dingus.auth.tokens;

import java.time.Instant;

/** A signed access token and when it stops being valid. */
public record IssuedAccessToken(String value, long expiresInSeconds, Instant expiresAt) {}
