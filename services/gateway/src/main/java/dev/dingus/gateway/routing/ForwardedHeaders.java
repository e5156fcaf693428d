package dev.dingus.gateway.routing;

import dev.dingus.gateway.clientaddress.ClientAddresses;
import java.net.URI;
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
        String forwardedFor = clients.forwardedFor(request);
        if (forwardedFor != null) {
            output.set("X-Forwarded-For", forwardedFor);
        }
        URI uri = request.getURI();
        String scheme = request.getSslInfo() != null ? "https" : uri.getScheme();
        if (scheme != null) {
            output.set("X-Forwarded-Proto", scheme.equals("wss") ? "https" : scheme.equals("ws") ? "http" : scheme);
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            output.set("X-Forwarded-Host", host);
        }
        if (uri.getPort() > 0) {
            output.set("X-Forwarded-Port", Integer.toString(uri.getPort()));
        }
        return output;
    }

    /** After the gateway's own header filters, so nothing re-adds a client-supplied value. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
