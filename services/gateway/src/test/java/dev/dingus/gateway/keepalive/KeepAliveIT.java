package dev.dingus.gateway.keepalive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Requests in a row on one keep-alive connection are all answered, whatever mix of asynchronous answers (/health asks
 * the services, Swagger UI files are read from a jar) and immediate ones (liveness, Swagger config, a 404) they are.
 * Before {@link AsyncDispatchFilter} about a third of these rounds hung on their third request (reactor-netty #4361).
 */
class KeepAliveIT extends GatewayTestBase {
    private static final int ROUNDS = 20;

    @Test
    void everyRequestOnAKeepAliveConnectionIsAnswered() throws Exception {
        List<List<String>> sequences = List.of(
                List.of("/health", "/actuator/health/liveness", "/health"),
                List.of("/swagger-ui/index.html", "/v3/api-docs/swagger-config", "/v3/api-docs"),
                List.of("/health", "/api/v1/no-such-thing", "/actuator/health/liveness"));
        for (List<String> sequence : sequences) {
            for (int round = 0; round < ROUNDS; round++) {
                // One client, requests one after another: the JDK client keeps them on one connection.
                try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                    for (String path : sequence) {
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                        assertThat(response.statusCode()).as(sequence + " round " + round + ": " + path).isBetween(200, 503);
                    }
                }
            }
        }
    }
}
