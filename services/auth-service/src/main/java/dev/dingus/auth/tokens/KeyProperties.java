package dev.dingus.auth.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code privateKey}/{@code keyId}: the production signing key (PEM) and its id, both or neither;
 * {@code rotateOnStart}: a fresh key signs from this start on; {@code retiredGrace}: how much longer than an
 * access token's lifetime a retired key stays published.
 */
@ConfigurationProperties("dingus.auth.keys")
public record KeyProperties(String privateKey, String keyId, boolean rotateOnStart, Duration retiredGrace) {
    public KeyProperties {
        if (retiredGrace == null) retiredGrace = Duration.ofMinutes(10);
    }

    public boolean fromEnvironment() {
        return privateKey != null && !privateKey.isBlank();
    }
}
