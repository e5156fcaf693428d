package dev.dingus.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import dev.dingus.gateway.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
