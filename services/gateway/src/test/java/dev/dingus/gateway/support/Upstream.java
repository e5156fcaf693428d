package dev.dingus.gateway.support;

import io.netty.buffer.ByteBuf;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real HTTP server standing in for one Dingus service behind the gateway. It echoes every request as
 * JSON (service, method, path, query, headers, body length), answers readiness and an OpenAPI document, serves a
 * JWKS when given one, and echoes WebSocket frames prefixed with its name. Its answers carry headers the edge must
 * override or drop (CORS, X-Frame-Options, X-Request-Id, a CSP).
 */
public final class Upstream implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final String UPSTREAM_CSP = "default-src 'self'";

    private final String name;
    private final String jwks;
    private final DisposableServer server;

    private Upstream(String name, String jwks) {
        this.name = name;
        this.jwks = jwks;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    public static Upstream start(String name) {
        return new Upstream(name, null);
    }

    public static Upstream startWithJwks(String name, String jwks) {
        return new Upstream(name, jwks);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String name() {
        return name;
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        if (request.requestHeaders().containsValue("Upgrade", "websocket", true)) {
            if (request.uri().contains("refuse=1")) {
                return response.status(400).header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"code\":3,\"message\":\"Bad request\"}")).then();
            }
            // Echoes each text frame after its name; "headers" answers the upgrade request's headers, "close" closes.
            Map<String, String> headers = headersOf(request);
            return response.sendWebsocket((in, out) -> out.sendString(in.receive().asString()
                    .takeUntil("close"::equals)
                    .filter(text -> !text.equals("close"))
                    .map(text -> name + ":" + (text.equals("headers") ? JSON.writeValueAsString(headers) : text))));
        }
        String path = request.fullPath();
        if (path.equals("/actuator/health/readiness")) {
            return json(response, Map.of("status", "UP"));
        }
        if (path.equals("/v3/api-docs")) {
            return json(response, Map.of("openapi", "3.1.0", "info", Map.of("title", name, "version", "v1"),
                    "servers", java.util.List.of(Map.of("url", url())), "paths", Map.of()));
        }
        if (path.equals("/.well-known/jwks.json") && jwks != null) {
            return response.header("Content-Type", "application/json").sendString(Mono.just(jwks)).then();
        }
        return request.receive().map(ByteBuf::readableBytes).reduce(0, Integer::sum).defaultIfEmpty(0)
                .flatMap(length -> {
                    Map<String, Object> echo = new LinkedHashMap<>();
                    echo.put("service", name);
                    echo.put("method", request.method().name());
                    echo.put("path", path);
                    String uri = request.uri();
                    int q = uri.indexOf('?');
                    echo.put("query", q >= 0 ? uri.substring(q + 1) : "");
                    echo.put("headers", headersOf(request));
                    echo.put("bodyLength", length);
                    response.header("Access-Control-Allow-Origin", "*")
                            .header("X-Frame-Options", "SAMEORIGIN")
                            .header("X-Request-Id", "set-by-upstream")
                            .header("Content-Security-Policy", UPSTREAM_CSP);
                    return json(response, echo);
                });
    }

    private static Map<String, String> headersOf(HttpServerRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.requestHeaders().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
        return headers;
    }

    private static Mono<Void> json(HttpServerResponse response, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return response.header("Content-Type", "application/json")
                .sendByteArray(Flux.just(bytes)).then();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    @Override
    public String toString() {
        return name + "@" + url();
    }
}
