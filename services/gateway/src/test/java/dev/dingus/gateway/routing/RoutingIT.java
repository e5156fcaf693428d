package dev.dingus.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import dev.dingus.gateway.support.Http;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class RoutingIT extends GatewayTestBase {

    @ParameterizedTest(name = "{0} goes to {1}")
    @CsvSource({
            "/api/v1/auth/me, auth-service",
            "/api/v1/users/7b0e, auth-service",
            "/api/v1/users/batch?ids=a%2Cb, auth-service",
            "/api/v1/friends, auth-service",
            "/api/v1/rooms/5f1c/messages, message-service",
            "/api/v1/rooms/5f1c/messages?beforeSeq=10&limit=5, message-service",
            "/api/v1/rooms/5f1c/read, message-service",
            "/api/v1/messages/unread, message-service",
            "/api/v1/messages/search?q=hello, message-service",
            "/api/v1/rooms, room-service",
            "/api/v1/rooms/discover?q=x, room-service",
            "/api/v1/rooms/5f1c, room-service",
            "/api/v1/rooms/5f1c/members/9a2d/role, room-service",
            "/api/v1/dms, room-service",
            "/api/v1/notifications/unread-count, notification-service",
            "/, frontend",
            "/rooms/5f1c, frontend",
            "/_app/immutable/start.js, frontend",
    })
    void eachPathReachesTheServiceOfTheRoutingTable(String path, String service) {
        JsonNode echo = echo(http.get(path, tokenForNewUser()));
        assertThat(echo.path("service").asString()).isEqualTo(service);
        int q = path.indexOf('?');
        assertThat(echo.path("path").asString()).isEqualTo(q < 0 ? path : path.substring(0, q));
        assertThat(echo.path("query").asString()).isEqualTo(q < 0 ? "" : path.substring(q + 1));
    }

    @Test
    void messagesRoutesWinOverTheRoomsRouteTheyLiveUnder() {
        String token = tokenForNewUser();
        assertThat(echo(http.get("/api/v1/rooms/r1/messages/older", token)).path("service").asString())
                .isEqualTo("message-service");
        assertThat(echo(http.get("/api/v1/rooms/r1/members", token)).path("service").asString())
                .isEqualTo("room-service");
        assertThat(echo(http.get("/api/v1/rooms/r1/readers", token)).path("service").asString())
                .as("only /read exactly belongs to messages").isEqualTo("room-service");
    }

    @Test
    void theJwksIsPublicAndComesFromAuthService() {
        HttpResponse<String> response = http.get("/.well-known/jwks.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.json(response).path("keys").get(0).path("kid").asString()).isEqualTo("test-key-1");
    }

    @Test
    void internalEndpointsAreNeverRoutedWhateverTheCredentials() {
        assertProblem(http.get("/internal/rooms/r1/members/u1"), 404, "not_found");
        assertProblem(http.get("/internal/users/u1/rooms", tokenForNewUser()), 404, "not_found");
        assertProblem(http.send(http.request("/internal/users/u1/rooms")
                .header("X-Dingus-Service-Token", "dev-service-token-change-me").GET()), 404, "not_found");
    }

    @Test
    void anApiPathNoServiceOwnsIsA404ProblemNotTheFrontend() {
        assertProblem(http.get("/api/v1/nothing-here", tokenForNewUser()), 404, "not_found");
        assertProblem(http.get("/api/v2/rooms"), 404, "not_found");
    }

    @Test
    void pathTricksToReachInternalEndpointsAreRefused() {
        HttpResponse<String> dotted = http.get("/api/v1/rooms/../../../internal/users/u1/rooms", tokenForNewUser());
        assertProblem(dotted, 400, "validation_failed");
        HttpResponse<String> encoded = http.get("/api/v1/rooms/%2e%2e/%2e%2e/%2e%2e/internal/users/u1/rooms", tokenForNewUser());
        assertProblem(encoded, 400, "validation_failed");
    }

    /**
     * The rate limits, the routes and the security chain all decide on the decoded path, which is safe only
     * because no spelling can change the path's segments once decoded: the firewall refuses each of these.
     */
    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/rooms/%2E%2E/internal/users/u1/rooms", "/api/v1/rooms/.%2e/x", "/%2e/api/v1/rooms",
            "/api%2fv1/rooms", "/api%2Fv1/rooms", "/api/v1//rooms", "//api/v1/rooms", "/api/v1/rooms;x=1",
            "/api;/v1/rooms", "/api/v1/rooms%3bx=1", "/api%5cv1/rooms", "/api%5Cv1/rooms", "/api/v1/rooms%25", "/api/v1/%00rooms",
            "/api/./v1/rooms" })
    void spellingsThatWouldChangeTheDecodedSegmentsAreRefused(String path) {
        assertProblem(http.get(path, tokenForNewUser()), 400, "validation_failed");
    }

    @Test
    void aBackslashInThePathIsRefused() throws Exception {
        // java.net.URI will not carry a raw backslash, so this one goes over a plain socket. The server's adapter
        // cannot make a URI of it either and answers a bare 400 before any filter runs: nothing is forwarded.
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api\\v1/rooms HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + tokenForNewUser() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 ").doesNotContain("room-service");
        }
    }

    @Test
    void aTrustedProxysForwardedChainIsKeptWithThePeerAppended() {
        // The test client connects from loopback, a trusted proxy by default (like the frontend's server);
        // UntrustedPeerIT shows that anyone else's chain is replaced.
        JsonNode echo = echo(http.send(http.request("/api/v1/rooms")
                .header("Authorization", "Bearer " + tokenForNewUser())
                .header("X-Forwarded-For", "198.51.100.7").GET()));
        assertThat(echo.path("headers").path("x-forwarded-for").asString()).isEqualTo("198.51.100.7, 127.0.0.1");
        assertThat(echo.path("headers").path("x-forwarded-proto").asString()).isEqualTo("http");
        assertThat(echo.path("headers").path("x-forwarded-host").asString()).isEqualTo("localhost:" + port);
    }

    @Test
    void anUpstreamThatIsDownIsA503ProblemNamingIt() {
        JsonNode problem = assertProblem(http.get("/api/v1/presence/u1", tokenForNewUser()), 503, "service_unavailable");
        assertThat(problem.path("detail").asString()).contains("presence-service");
    }

    @Test
    void requestBodiesAndMethodsPassThrough() {
        JsonNode echo = echo(http.send(http.request("/api/v1/rooms/r1")
                .header("Authorization", "Bearer " + tokenForNewUser())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"general\"}"))));
        assertThat(echo.path("method").asString()).isEqualTo("PATCH");
        assertThat(echo.path("bodyLength").asInt()).isEqualTo("{\"name\":\"general\"}".length());
        assertThat(echo.path("headers").path("authorization").asString()).startsWith("Bearer ");
    }
}
