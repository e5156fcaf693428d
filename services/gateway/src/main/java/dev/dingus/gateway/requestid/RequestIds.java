package dev.dingus.gateway.requestid;

import dev.dingus.contracts.security.ServiceAuth;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.server.ServerWebExchange;

/** Where the current request id lives and what counts as a sane one. */
public final class RequestIds {
    public static final String HEADER = ServiceAuth.REQUEST_ID_HEADER;
    /** Exchange attribute and Reactor context key. */
    public static final String ATTRIBUTE = "dingus.requestId";
    public static final String MDC_KEY = "requestId";
    private static final Logger accessLog = LoggerFactory.getLogger("dev.dingus.gateway.access");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RequestIds() {}

    /** The client's id if it is at most 64 characters of [A-Za-z0-9-_], else a new one. */
    public static String acceptOrCreate(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    /** The id of this exchange, or null before {@link RequestIdFilter} ran. */
    public static String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    /** Runs a logging block with the exchange's request id in the MDC (WebFlux hops threads, so MDC is per block). */
    public static void withMdc(ServerWebExchange exchange, Runnable block) {
        withMdc(of(exchange), block);
    }

    /** Runs a logging block with this request id (may be null) in the MDC. */
    public static void withMdc(String id, Runnable block) {
        if (id == null) {
            block.run();
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            block.run();
        }
    }

    /**
     * The access-log line of one request (or spliced WebSocket connection) when it ends. Only the path is logged,
     * never the query string or headers, which may carry credentials.
     */
    public static void logAccess(String id, String method, String path, int status, long nanos, String note) {
        withMdc(id, () -> accessLog.atInfo()
                .addKeyValue("http.request.method", method)
                .addKeyValue("url.path", path)
                .addKeyValue("http.response.status_code", status)
                .addKeyValue("event.duration", nanos)
                .log("{} {} -> {} in {} ms{}", method, path, status, nanos / 1_000_000, note));
    }
}
