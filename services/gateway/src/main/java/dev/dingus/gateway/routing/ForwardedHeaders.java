package dev.dingus.gateway.routing;

import dev.dingus.gateway.clientaddress.ClientAddresses;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: X-Forwarded-Proto/Host/Port from the connection the gateway served, and
 * X-Forwarded-For as the peer address, appended to the incoming chain only when the peer is a trusted proxy (the
 * frontend's server signs users in on their behalf). From anyone else the client's value is replaced: a client-made
 * X-Forwarded-For would let it pick its own rate-limit and login-throttle bucket in the services.
 */
@Component
public class ForwardedHeaders implements HttpHeadersFilter, Ordered {
    private final ClientAddresses clients;

    public ForwardedHeaders(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders output = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase();
            if (!lower.startsWith("x-forwarded-") && !lower.equals("forwarded")) {
                output.addAll(name, values);
            }
        });
        ServerHttpRequest request = exchange.getRequest();
        URI uri = request.getURI();
        String scheme = request.getSslInfo() != null ? "https" : uri.getScheme();
        output.setAll(values(clients.forwardedFor(request),
                scheme == null ? null : scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme,
                request.getHeaders().getFirst(HttpHeaders.HOST), uri.getPort()));
        return output;
    }

    /**
     * The X-Forwarded-* values the gateway sends upstream, for proxied requests and spliced WebSocket upgrades alike;
     * a null value or a port ≤ 0 is left out.
     */
    public static Map<String, String> values(String forwardedFor, String proto, String host, int port) {
        Map<String, String> values = new LinkedHashMap<>();
        if (forwardedFor != null) {
            values.put("X-Forwarded-For", forwardedFor);
        }
        if (proto != null) {
            values.put("X-Forwarded-Proto", proto);
        }
        if (host != null) {
            values.put("X-Forwarded-Host", host);
        }
        if (port > 0) {
            values.put("X-Forwarded-Port", Integer.toString(port));
        }
        return values;
    }

    /** After the gateway's own header filters, so nothing re-adds a client-supplied value. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
