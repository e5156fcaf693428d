package dev.dingus.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token only where one is required: a stale token sent along to login, refresh, the frontend
 * or the Socket.IO endpoint must not turn those requests into 401s.
 */
final class ProtectedApiBearerConverter implements ServerAuthenticationConverter {
    private final ServerWebExchangeMatcher where;
    private final ServerBearerTokenAuthenticationConverter delegate = new ServerBearerTokenAuthenticationConverter();

    ProtectedApiBearerConverter(ServerWebExchangeMatcher where) {
        this.where = where;
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return where.matches(exchange).flatMap(match -> match.isMatch() ? delegate.convert(exchange) : Mono.empty());
    }
}
