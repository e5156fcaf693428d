package dev.dingus.gateway.routing;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * {@code NotFound} route filter: answers 404 {@code not_found} itself, for paths that must never reach a service
 * through the edge ({@code /internal/**}) or that no service owns (an unknown {@code /api/...}).
 */
@Component
public class NotFoundGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    public NotFoundGatewayFilterFactory() {
        super(Object.class);
    }

    @Override
    public GatewayFilter apply(Object config) {
        return (exchange, chain) -> Problems.write(exchange, HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "There is no such endpoint.");
    }
}
