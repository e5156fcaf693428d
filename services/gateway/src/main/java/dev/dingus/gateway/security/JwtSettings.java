package dev.dingus.gateway.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code dingus.gateway.jwt}: where the keys are and what a token must say. */
@ConfigurationProperties("dingus.gateway.jwt")
public record JwtSettings(
        URI jwksUri,
        @DefaultValue("dingus") String issuer,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("15m") Duration revocationTtl,
        @DefaultValue("true") boolean checkRedisPerRequest) {}
