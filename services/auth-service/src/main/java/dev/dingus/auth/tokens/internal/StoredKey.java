package dev.dingus.auth.tokens.internal;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;

/** A signing key as the key table holds it; {@code key} has its private part only when this service keeps it. */
public record StoredKey(String kid, RSAKey key, Source source, Instant createdAt, Instant retiredAt) {
    public enum Source { GENERATED, ENVIRONMENT }

    public boolean canSign() {
        return key.isPrivate();
    }
}
