package dev.dingus.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dingus.gateway.rate-limit}: one bucket shape per policy. */
@ConfigurationProperties("dingus.gateway.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        Limit user,
        Limit anonymous,
        Limit auth) {

    /** A bucket of {@code burst} tokens refilled at {@code replenishPerSecond}; one request takes one token. */
    public record Limit(double replenishPerSecond, int burst) {
        public Limit {
            if (replenishPerSecond <= 0 || burst < 1) {
                throw new IllegalArgumentException("A rate limit needs replenish-per-second > 0 and burst >= 1");
            }
        }
    }
}
