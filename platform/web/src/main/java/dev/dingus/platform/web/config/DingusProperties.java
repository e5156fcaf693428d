package dev.dingus.platform.web.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every Dingus service shares, bound from {@code dingus.*}. Defaults for local use live in
 * {@code dingus-defaults.yml}; each has an environment variable to override it.
 */
@ConfigurationProperties("dingus")
public record DingusProperties(Security security, Cors cors, Web web, Redis redis) {

    /** Token checks. {@code publicPaths} are Ant patterns reachable without a token. */
    public record Security(String jwksUri, String issuer, List<String> publicPaths, String serviceToken,
            Duration accessTokenTtl) {}

    public record Cors(List<String> allowedOrigins) {}

    /** {@code maxBodyBytes}: the largest request body any endpoint accepts. */
    public record Web(long maxBodyBytes) {}

    /** {@code prefix}: every Redis key and channel of Dingus starts with it (tests use their own). */
    public record Redis(String prefix) {}
}
