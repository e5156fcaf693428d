package dev.dingus.gateway.errors;

import dev.dingus.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every exception that reaches the edge into problem+json (never Boot's HTML or bare 500), ahead of
 * Boot's own handler. Upstream failures name the route's service.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        ProblemMapping.Mapped mapped = ProblemMapping.map(error, serviceOf(route));
        RequestIds.withMdc(exchange, () -> {
            String path = exchange.getRequest().getPath().value();
            if (mapped.upstreamFailure()) {
                log.warn("Upstream failure on {} {}: {}", exchange.getRequest().getMethod(), path, error.toString());
            } else if (mapped.status().is5xxServerError()) {
                log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), path, error);
            }
        });
        return Problems.write(exchange, mapped.status(), mapped.code(), mapped.detail());
    }

    /** The service a route leads to, as its {@code service} metadata names it (the route id otherwise). */
    private static String serviceOf(Route route) {
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get("service");
        return service != null ? service.toString() : route.getId();
    }
}
