package dev.dingus.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiServersTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theServiceAddressIsReplacedByTheGateway() {
        String rewritten = OpenApiServersGatewayFilterFactory.throughGateway(
                "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://127.0.0.1:3002\"}],\"paths\":{\"/api/v1/rooms\":{}}}");
        JsonNode document = JSON.readTree(rewritten);
        assertThat(document.path("servers").size()).isEqualTo(1);
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(document.path("paths").has("/api/v1/rooms")).isTrue();
    }

    @Test
    void aDocumentWithoutServersGetsTheGateway() {
        JsonNode document = JSON.readTree(OpenApiServersGatewayFilterFactory.throughGateway("{\"openapi\":\"3.1.0\"}"));
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
    }

    @Test
    void whatIsNotAnOpenApiDocumentPassesUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"status\":500}";
        assertThat(OpenApiServersGatewayFilterFactory.throughGateway(problem)).isEqualTo(problem);
        assertThat(OpenApiServersGatewayFilterFactory.throughGateway("<html>oops</html>")).isEqualTo("<html>oops</html>");
        assertThat(OpenApiServersGatewayFilterFactory.throughGateway("")).isEmpty();
    }
}
