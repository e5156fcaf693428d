package dev.dingus.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the service under test. Each instance is one "client machine": its requests name
 * a random address of their own in X-Forwarded-For (the test runs on loopback, a trusted proxy), so the
 * per-address login limit of one test never touches another's.
 */
public final class Http {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String address;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.address = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public String address() {
        return address;
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body == null ? null : JSON.writeValueAsString(body), token, Map.of());
    }

    public Response patch(String path, Object body, String token) {
        return send("PATCH", path, JSON.writeValueAsString(body), token, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** Any request: {@code rawBody} is sent as JSON text unless a Content-Type header says otherwise. */
    public Response send(String method, String path, String rawBody, String token, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("X-Forwarded-For", address);
        if (rawBody != null) {
            all.put("Content-Type", "application/json");
        }
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        HttpRequest.BodyPublisher body = rawBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8);
        return send(method, path, body, all);
    }

    /** A body of unknown length (chunked transfer), as a streaming client would send it. */
    public Response postChunked(String path, byte[] body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", address));
    }

    private Response send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        }

        /** The problem+json {@code code}, or null. */
        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The Set-Cookie header of {@code name}, whole (value and attributes). */
        public Optional<String> setCookie(String name) {
            List<String> all = headers.allValues("Set-Cookie");
            return all.stream().filter(c -> c.startsWith(name + "=")).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
