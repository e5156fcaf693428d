package dev.dingus.auth.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code refreshTokenTtl}: how long an unused refresh token lives; {@code secureCookies}: mark the cookie Secure (HTTPS). */
@ConfigurationProperties("dingus.auth.sessions")
public record SessionProperties(Duration refreshTokenTtl, boolean secureCookies) {
    public SessionProperties {
        if (refreshTokenTtl == null) refreshTokenTtl = Duration.ofDays(30);
    }
}
