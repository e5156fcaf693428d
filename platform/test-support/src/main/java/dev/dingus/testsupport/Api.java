package dev.dingus.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny real HTTP client for the service under test on {@code 127.0.0.1:<port>}: JSON in, status + parsed
 * JSON (or problem+json) out. Bodies are serialised with Jackson unless given as {@link Raw} text.
 *
 * <pre>{@code
 * Api api = new Api(port);
 * Api.Response r = api.post("/api/v1/rooms", token, Map.of("name", "General"));
 * assertThat(r.status()).as(r.toString()).isEqualTo(201);
 * }</pre>
 */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    /**
     * Any request. {@code token}: a bearer token or null; {@code body}: null (none), a {@link Raw} text sent as
     * is, or anything else serialised as JSON; {@code headers} are added last.
     */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String contentType = "application/json";
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        if (body instanceof Raw raw) {
            contentType = raw.contentType();
            publisher = HttpRequest.BodyPublishers.ofString(raw.text());
        } else if (body != null) {
            publisher = HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(method, publisher);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? null : JSON.readTree(text);
            return new Response(response.statusCode(), json, response.headers().firstValue("Content-Type").orElse(""), text);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A body sent verbatim with its own content type (for malformed-input tests). */
    public record Raw(String text, String contentType) {
        public static Raw json(String text) {
            return new Raw(text, "application/json");
        }
    }

    /** One answer; {@code body} is null when the answer had none. {@link #toString()} is what assertion messages show. */
    public record Response(int status, JsonNode body, String contentType, String text) {
        /** A top-level text field of the body, or null. */
        public String str(String field) {
            JsonNode node = body == null ? null : body.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        /** The problem+json {@code code}, or null. */
        public String code() {
            return str("code");
        }

        @Override
        public String toString() {
            return status + " " + (text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "..." : text);
        }
    }
}
