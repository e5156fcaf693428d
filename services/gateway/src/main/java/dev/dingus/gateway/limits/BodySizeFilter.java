package dev.dingus.gateway.limits;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.gateway.errors.Problems;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over {@code dingus.web.max-body-bytes} with 413 before anything is forwarded when the length
 * is declared, and counts streamed (chunked) bodies while forwarding them, failing the request past the limit.
 */
@Component
public class BodySizeFilter implements WebFilter, Ordered {
    private final long maxBytes;

    public BodySizeFilter(@Value("${dingus.web.max-body-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE,
                    "The request body is larger than the limit of " + maxBytes + " bytes.");
        }
        if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange.mutate().request(new Counting(request, maxBytes)).build());
        }
        return chain.filter(exchange);
    }

    /** A request whose body fails with {@link PayloadTooLargeException} once more than the limit has passed. */
    private static final class Counting extends ServerHttpRequestDecorator {
        private final long maxBytes;

        Counting(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    DataBufferUtils.release(buffer);
                    sink.error(new PayloadTooLargeException(maxBytes));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
