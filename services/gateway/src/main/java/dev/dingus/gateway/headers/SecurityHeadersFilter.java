package dev.dingus.gateway.headers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Sets the security headers just before the answer is committed, replacing whatever an upstream sent, so a
 * header is never doubled (two {@code X-Frame-Options} values make browsers ignore it). The strict CSP goes on
 * API answers only: the frontend sets its own policy for its pages. HSTS only over https, as RFC 6797 asks.
 */
@Component
public class SecurityHeadersFilter implements WebFilter, Ordered {
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
    static final String HSTS = "max-age=31536000; includeSubDomains";
    /** Decoded, as the routes match it: {@code /%61pi/...} is routed to a service and is an API answer too. */
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            apply(exchange.getRequest(), exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static void apply(ServerHttpRequest request, HttpHeaders headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Permissions-Policy", PERMISSIONS_POLICY);
        if (request.getSslInfo() != null || "https".equalsIgnoreCase(request.getURI().getScheme())) {
            headers.set("Strict-Transport-Security", HSTS);
        } else {
            headers.remove("Strict-Transport-Security");
        }
        if (API.matches(request.getPath().pathWithinApplication())) {
            headers.set("Content-Security-Policy", API_CSP);
        }
    }
}
