package dev.dingus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import dev.dingus.gateway.support.Upstream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Request ids, CORS, security headers and the body limit, as a client sees them. */
class EdgeHeadersIT extends GatewayTestBase {

    @Test
    void aSaneRequestIdTravelsDownstreamAndBack() {
        HttpResponse<String> response = http.send(http.request("/api/v1/rooms")
                .header("Authorization", "Bearer " + tokenForNewUser()).header("X-Request-Id", "trace-me_42").GET());
        assertThat(echo(response).path("headers").path("x-request-id").asString()).isEqualTo("trace-me_42");
        assertThat(response.headers().allValues("X-Request-Id")).as("the upstream's own id is replaced")
                .containsExactly("trace-me_42");
    }

    @Test
    void anInsaneRequestIdIsReplacedByANewOneBothWays() {
        for (String insane : new String[] {"a".repeat(65), "has space", "semi;colon", "<script>"}) {
            HttpResponse<String> response = http.send(http.request("/api/v1/rooms")
                    .header("Authorization", "Bearer " + tokenForNewUser()).header("X-Request-Id", insane).GET());
            String downstream = echo(response).path("headers").path("x-request-id").asString();
            assertThat(downstream).isNotEqualTo(insane);
            assertThat(UUID.fromString(downstream)).isNotNull();
            assertThat(response.headers().firstValue("X-Request-Id")).hasValue(downstream);
        }
    }

    @Test
    void aRequestWithoutIdGetsOneAndProblemsCarryIt() {
        HttpResponse<String> response = http.get("/api/v1/auth/me");
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(assertProblem(response, 401, "unauthorized").path("requestId").asString()).isEqualTo(id);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = http.send(http.request("/api/v1/rooms/r1")
                .header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PATCH");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
                .contains("authorization").contains("content-type");
    }

    @Test
    void aPreflightFromAnotherOriginIsForbidden() {
        HttpResponse<String> response = http.send(http.request("/api/v1/rooms")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertProblem(response, 403, "forbidden");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aCrossOriginCallFromAnotherOriginIsForbiddenBeforeReachingAService() {
        assertProblem(http.send(http.request("/api/v1/auth/login").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))), 403, "forbidden");
    }

    @Test
    void anAllowedCrossOriginAnswerCarriesExactlyOneAllowOrigin() {
        HttpResponse<String> response = http.send(http.request("/api/v1/rooms")
                .header("Authorization", "Bearer " + tokenForNewUser()).header("Origin", ALLOWED_ORIGIN).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
        assertThat(response.headers().allValues("Access-Control-Expose-Headers").toString()).contains("X-Request-Id");
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndAStrictCsp() {
        HttpResponse<String> response = http.get("/api/v1/rooms", tokenForNewUser());
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("X-Frame-Options")).as("upstream's SAMEORIGIN replaced").containsExactly("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()");
        assertThat(response.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).startsWith("default-src 'none'"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain http").isEmpty();
    }

    /** The route matched the decoded path, so this is an API answer and gets the API's CSP. */
    @Test
    void apiAnswersToAnEncodedPathGetTheStrictCspToo() {
        HttpResponse<String> response = http.get("/%61pi/v1/rooms", tokenForNewUser());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(echo(response).path("service").asString()).isEqualTo("room-service");
        assertThat(response.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(csp -> assertThat(csp).startsWith("default-src 'none'"));
    }

    @Test
    void frontendPagesKeepTheirOwnCspButGetTheOtherHeaders() {
        HttpResponse<String> response = http.get("/rooms");
        assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(Upstream.UPSTREAM_CSP);
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void errorAnswersOfTheGatewayCarryTheSecurityHeadersToo() {
        HttpResponse<String> response = http.get("/internal/x");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String token = tokenForNewUser();
        HttpResponse<String> atLimit = http.send(http.request("/api/v1/rooms").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY_BYTES])));
        assertThat(echo(atLimit).path("bodyLength").asInt()).isEqualTo(MAX_BODY_BYTES);
        assertProblem(http.send(http.request("/api/v1/rooms").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY_BYTES + 1]))), 413, "payload_too_large");
    }

    @Test
    void aStreamedBodyOverTheLimitIsRefusedWith413() {
        // No Content-Length: the client streams the body chunked, the gateway counts it while forwarding.
        HttpRequest.BodyPublisher chunked = unknownLength(new byte[MAX_BODY_BYTES * 4]);
        JsonNode problem = assertProblem(http.send(http.request("/api/v1/rooms")
                .header("Authorization", "Bearer " + tokenForNewUser()).POST(chunked)), 413, "payload_too_large");
        assertThat(problem.path("detail").asString()).contains(Integer.toString(MAX_BODY_BYTES));
    }

    @Test
    void aRequestLineOverTheLimitIsRefusedWith414AndAProblem() {
        HttpResponse<String> fits = http.send(http.request("/api/v1/rooms?q=" + "x".repeat(3000))
                .header("Authorization", "Bearer " + tokenForNewUser()).GET());
        assertThat(fits.statusCode()).isEqualTo(200);
        JsonNode problem = assertProblem(http.get("/api/v1/rooms?q=" + "x".repeat(5000)), 414, "uri_too_long");
        assertThat(problem.path("detail").asString()).contains("4KB");
    }

    @Test
    void headersOverTheLimitAreRefusedWith431AndAProblem() {
        HttpRequest.Builder request = http.request("/api/v1/rooms").header("Authorization", "Bearer " + tokenForNewUser());
        for (int i = 0; i < 5; i++) {
            request.header("X-Padding-" + i, "p".repeat(2000));
        }
        assertProblem(http.send(request.GET()), 431, "headers_too_large");
    }

    @Test
    void aHeadThatIsNotHttpGetsA400ProblemAndTheConnectionCloses() throws Exception {
        assertThat(rawExchange("GET /api/v1/rooms HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ").contains("application/problem+json")
                .contains("\"code\":\"malformed_request\"").containsIgnoringCase("connection: close");
    }

    @Test
    void aPathWithARawBackslashGetsA400Problem() throws Exception {
        assertThat(rawExchange("GET /api/v1/rooms\\x HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ").contains("application/problem+json")
                .contains("\"code\":\"malformed_request\"").contains("backslash");
    }

    /** Sends bytes no HTTP client would, and reads the answer until the gateway closes the connection. */
    private String rawExchange(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static HttpRequest.BodyPublisher unknownLength(byte[] body) {
        HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(body);
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                known.subscribe(subscriber);
            }
        };
    }
}
