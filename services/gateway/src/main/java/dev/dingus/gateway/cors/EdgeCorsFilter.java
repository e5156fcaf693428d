package dev.dingus.gateway.cors;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers CORS preflights from the allow-list before authentication (a preflight never carries a token), and
 * refuses cross-origin requests, including WebSocket upgrades, from any other origin with 403 problem+json.
 * Same-origin requests pass untouched.
 */
@Component
public class EdgeCorsFilter implements WebFilter, Ordered {
    private final CorsConfiguration config = new CorsConfiguration();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    public EdgeCorsFilter(CorsSettings settings) {
        config.setAllowedOrigins(settings.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                "X-Request-Id", "X-Requested-With"));
        config.setExposedHeaders(List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        // The refresh token travels as an httpOnly cookie.
        config.setAllowCredentials(true);
        config.setMaxAge(Duration.ofHours(1));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean allowed = processor.process(config, exchange);
        if (!allowed) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN,
                    "This origin is not allowed to call Dingus (CORS).");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

}
