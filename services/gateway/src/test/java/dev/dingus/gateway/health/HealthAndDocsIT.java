package dev.dingus.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import dev.dingus.gateway.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HealthAndDocsIT extends GatewayTestBase {

    @Test
    void healthReportsEveryServiceAndIs503WhenOneIsDown() {
        HttpResponse<String> response = http.get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = Http.json(response);
        assertThat(health.path("status").asString()).isEqualTo("DOWN");
        JsonNode services = health.path("services");
        assertThat(services.propertyNames()).containsExactly(
                "auth-service", "room-service", "message-service", "presence-service", "notification-service");
        assertThat(services.path("presence-service").path("status").asString()).isEqualTo("DOWN");
        assertThat(services.path("presence-service").path("url").asString()).isEqualTo(PRESENCE_DOWN_URL);
        assertThat(services.path("presence-service").path("error").asString()).isEqualTo("unreachable");
        for (String up : List.of("auth-service", "room-service", "message-service", "notification-service")) {
            assertThat(services.path(up).path("status").asString()).as(up).isEqualTo("UP");
        }
        assertThat(services.path("auth-service").path("url").asString()).isEqualTo(AUTH.url());
    }

    @Test
    void theGatewayItselfIsLiveAndReadyWithRedis() {
        assertThat(Http.json(http.get("/actuator/health/liveness")).path("status").asString()).isEqualTo("UP");
        HttpResponse<String> readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"redis\"");
    }

    @Test
    void metricsAreTaggedWithTheApplicationName() {
        http.get("/api/v1/rooms", tokenForNewUser());
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).contains("application=\"gateway\"");
    }

    @Test
    void eachServiceDocumentIsServedThroughTheGatewayPointingAtTheGateway() {
        for (String service : List.of("auth-service", "room-service", "message-service", "notification-service")) {
            HttpResponse<String> response = http.get("/v3/api-docs/" + service);
            assertThat(response.statusCode()).as(service).isEqualTo(200);
            JsonNode document = Http.json(response);
            assertThat(document.path("info").path("title").asString()).isEqualTo(service);
            assertThat(document.path("servers").size()).isEqualTo(1);
            assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        }
    }

    @Test
    void oneSwaggerUiListsEveryServiceDocument() {
        HttpResponse<String> page = http.get("/swagger-ui.html");
        assertThat(page.statusCode()).isEqualTo(302);
        String ui = page.headers().firstValue("Location").orElseThrow();
        assertThat(http.get(ui).statusCode()).isEqualTo(200);
        JsonNode config = Http.json(http.get("/v3/api-docs/swagger-config"));
        List<String> urls = new ArrayList<>();
        config.path("urls").forEach(entry -> urls.add(entry.path("url").asString()));
        assertThat(urls).contains("/v3/api-docs", "/v3/api-docs/auth-service", "/v3/api-docs/room-service",
                "/v3/api-docs/message-service", "/v3/api-docs/presence-service", "/v3/api-docs/notification-service");
        assertThat(Http.json(http.get("/v3/api-docs")).path("paths").has("/health")).isTrue();
    }
}
