package dev.dingus.gateway.errors;

import dev.dingus.gateway.requestid.RequestIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Dingus problem+json answer ({@code type, title, status, detail, instance, code, requestId}) from
 * filters, security handlers and the error handler, all of which run outside any controller.
 */
public final class Problems {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TYPE_BASE = "https://dingus.dev/problems/";

    private Problems() {}

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return write(exchange, status, code, detail, headers -> {});
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String detail,
            Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        // Whatever an upstream answer left behind no longer describes this body.
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        extraHeaders.accept(headers);
        byte[] body = JSON.writeValueAsBytes(body(exchange, status, code, detail));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    static Map<String, Object> body(ServerWebExchange exchange, HttpStatusCode status, String code, String detail) {
        return body(exchange.getRequest().getPath().value(), RequestIds.of(exchange), status, code, detail);
    }

    /** The problem body as JSON, for an answer written below WebFlux (the Socket.IO splice). */
    public static byte[] json(String path, String requestId, HttpStatusCode status, String code, String detail) {
        return JSON.writeValueAsBytes(body(path, requestId, status, code, detail));
    }

    private static Map<String, Object> body(String path, String requestId, HttpStatusCode status, String code,
            String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code);
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", path);
        body.put("code", code);
        body.put("requestId", requestId);
        return body;
    }
}
