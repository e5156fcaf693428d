package dev.dingus.gateway.requestid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * First filter of every request: fixes its request id (downstream header, response header, exchange attribute,
 * Reactor context) and writes one structured access-log line when it ends. Only the path is logged, never the
 * query string or headers, which may carry credentials.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {
    private final boolean logAccess;

    public RequestIdFilter(@Value("${dingus.gateway.access-log:true}") boolean logAccess) {
        this.logAccess = logAccess;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(RequestIds.ATTRIBUTE, id);
        // Set now and again just before commit: an upstream answer may carry its own X-Request-Id.
        withId.getResponse().getHeaders().set(RequestIds.HEADER, id);
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        long start = System.nanoTime();
        Mono<Void> result = chain.filter(withId);
        if (logAccess) {
            result = result.doFinally(signal -> logAccess(withId, start, signal));
        }
        return result.contextWrite(context -> context.put(RequestIds.ATTRIBUTE, id));
    }

    private static void logAccess(ServerWebExchange exchange, long start, SignalType signal) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        RequestIds.logAccess(RequestIds.of(exchange), exchange.getRequest().getMethod().name(),
                exchange.getRequest().getPath().value(), status != null ? status.value() : 0,
                System.nanoTime() - start, signal == SignalType.CANCEL ? " (client went away)" : "");
    }
}
