package dev.dingus.auth.sessions;

import java.time.Instant;

/** A refresh token as handed to the client (the only time its value exists outside a hash). */
public record RefreshToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
        return "RefreshToken[expiresAt=" + expiresAt + "]"; // never print the secret
    }
}
