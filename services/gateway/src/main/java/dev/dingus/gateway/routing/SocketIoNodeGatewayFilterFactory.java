package dev.dingus.gateway.routing;

import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code SocketIoNode} route filter: in cluster mode ({@code dingus.gateway.socketio.nodes}) it re-targets the
 * request URL, already built from the route, at the node that owns the Engine.IO session; single-node mode leaves
 * the route's URL alone. Runs after RouteToRequestUrlFilter and before the HTTP and WebSocket routing filters, so
 * both long-polling and the WebSocket upgrade follow the same node.
 */
@Component
public class SocketIoNodeGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {
    static final int ORDER = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

    private final SocketIoUpstreams upstreams;

    public SocketIoNodeGatewayFilterFactory(SocketIoUpstreams upstreams) {
        super(Object.class);
        this.upstreams = upstreams;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter((exchange, chain) -> {
            String sid = exchange.getRequest().getQueryParams().getFirst("sid");
            URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            upstreams.clusterNode(sid).ifPresent(node -> {
                if (routed != null) {
                    URI target = UriComponentsBuilder.fromUri(routed)
                            .scheme(node.getScheme()).host(node.getHost()).port(node.getPort())
                            .build(true).toUri();
                    exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target);
                }
            });
            return chain.filter(exchange);
        }, ORDER);
    }
}
