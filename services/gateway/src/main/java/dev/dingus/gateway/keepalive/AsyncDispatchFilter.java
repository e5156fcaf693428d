package dev.dingus.gateway.keepalive;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every exchange off the event loop call that dispatched it, so that nothing is written or completed from
 * inside that call.
 * <p>
 * reactor-netty (1.3.6 to 1.3.8 at least) buffers a keep-alive request that arrives before the previous exchange has
 * terminated; when that buffered request is then answered within the dispatching call, the connection stops reading
 * and the next request on it hangs until the client gives up (reactor-netty issues #4361 and #4347). It happened here
 * whenever an answer that completes on another thread (a proxied call, /health, a Swagger UI file) was followed on
 * the same connection by one answered at once (an error, a CORS preflight, the Swagger config) and then a third
 * request. Moving only the completion signal to another thread is not enough (the write still happens inside the
 * call); subscribing on another thread is. The cost is one hand-off per request.
 * Remove this filter once the reactor-netty in use has the fix (KeepAliveIT shows whether it is still needed).
 */
@Component
public class AsyncDispatchFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.UPGRADE)) {
            // A WebSocket upgrade stays on the event loop: upgrading from another thread lets the client's first
            // frame race the new pipeline (it was lost now and then), and no HTTP request follows it on the connection.
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
