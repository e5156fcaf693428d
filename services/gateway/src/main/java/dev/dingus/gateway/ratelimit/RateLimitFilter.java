package dev.dingus.gateway.ratelimit;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.clientaddress.ClientAddresses;
import dev.dingus.gateway.errors.Problems;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Runs after the security chain (plain filter order 0 versus Spring Security's -100), so the user of an
 * authenticated request is known. Only API and JWKS calls are limited: pages, assets and Socket.IO traffic are not
 * (the Socket.IO endpoint has its own per-connection limits, and a page load fetches many assets at once).
 * <p>
 * Paths are matched as the routes and the security chain match them, decoded ({@code /%61pi/v1/auth/register} is
 * register: the service decodes the path it is forwarded), never as the raw string.
 */
@Component
public class RateLimitFilter implements WebFilter {
    private static final List<PathPattern> LIMITED = patterns("/api/**", "/.well-known/**");
    private static final List<PathPattern> AUTH_PATHS = patterns("/api/v1/auth/login", "/api/v1/auth/register",
            "/api/v1/auth/refresh", "/api/v1/auth/oidc");

    private final RateLimitSettings settings;
    private final TokenBucket buckets;
    private final String keyPrefix;
    private final ClientAddresses clients;

    public RateLimitFilter(RateLimitSettings settings, ClientAddresses clients, ReactiveStringRedisTemplate redis,
            @Value("${dingus.redis.prefix:dingus:}") String redisPrefix,
            @Value("${dingus.gateway.redis-timeout:250ms}") Duration redisTimeout) {
        this.settings = settings;
        this.clients = clients;
        this.buckets = new TokenBucket(redis, redisTimeout);
        this.keyPrefix = redisPrefix + "ratelimit:";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (!settings.enabled() || !matches(LIMITED, path)) {
            return chain.filter(exchange);
        }
        if (request.getMethod() == HttpMethod.POST && matches(AUTH_PATHS, path)) {
            return limit(exchange, chain, "auth:" + clients.clientOf(request), settings.auth());
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(user -> limit(exchange, chain, "user:" + user, settings.user()))
                .defaultIfEmpty(Mono.defer(() -> limit(exchange, chain, "anonymous:" + clients.clientOf(request), settings.anonymous())))
                .flatMap(decided -> decided);
    }

    private static List<PathPattern> patterns(String... patterns) {
        return Stream.of(patterns).map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** PathPattern compares each segment decoded, the way the routes and Spring Security's matchers do. */
    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String key, RateLimitSettings.Limit limit) {
        return buckets.take(keyPrefix + key, limit).flatMap(decision -> {
            if (decision.allowed()) {
                if (decision.remaining() >= 0) {
                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                }
                return chain.filter(exchange);
            }
            long seconds = Math.max(1, (decision.retryAfterMillis() + 999) / 1000);
            return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCodes.RATE_LIMITED,
                    "Too many requests; try again in " + seconds + " s.",
                    headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        });
    }
}
