package dev.dingus.gateway.requestid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger accessLog = LoggerFactory.getLogger("dev.dingus.gateway.access");

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
        long nanos = System.nanoTime() - start;
        long millis = nanos / 1_000_000;
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        int code = status != null ? status.value() : 0;
        RequestIds.withMdc(exchange, () -> accessLog.atInfo()
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", code)
                .addKeyValue("event.duration", nanos)
                .log("{} {} -> {} in {} ms{}", method, path, code, millis,
                        signal == SignalType.CANCEL ? " (client went away)" : ""));
    }
}
