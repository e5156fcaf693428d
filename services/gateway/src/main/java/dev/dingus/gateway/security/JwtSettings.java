package dev.dingus.gateway.security;

import dev.dingus.contracts.security.AccessTokenLifetime;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dingus.gateway.jwt}: where the keys are and what a token must say. {@code clockSkew} defaults to the
 * platform's {@link AccessTokenLifetime#CLOCK_SKEW}; revocations are remembered for {@code revocationTtl + clockSkew}
 * (see {@link AccessTokenLifetime#revocationLifetime}). A larger skew than the platform's would outlive the
 * revocation keys the services write, for sids this gateway did not hear about on the channel.
 */
@ConfigurationProperties("dingus.gateway.jwt")
public record JwtSettings(
        URI jwksUri,
        @DefaultValue("dingus") String issuer,
        Duration clockSkew,
        @DefaultValue("15m") Duration revocationTtl,
        @DefaultValue("true") boolean checkRedisPerRequest) {

    public JwtSettings {
        if (clockSkew == null) {
            clockSkew = AccessTokenLifetime.CLOCK_SKEW;
        }
    }

    /** How long a revoked session is remembered: longer than its tokens are accepted ({@code exp + clockSkew}). */
    public Duration revocationLifetime() {
        return AccessTokenLifetime.revocationLifetime(revocationTtl, clockSkew);
    }
}
