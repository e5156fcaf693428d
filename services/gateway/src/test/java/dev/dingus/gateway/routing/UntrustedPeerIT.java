package dev.dingus.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A peer that is not a trusted proxy: the trusted list leaves out loopback (the test client's address), so the
 * client's own X-Forwarded-For must neither reach the services nor choose its rate-limit bucket.
 */
@TestPropertySource(properties = "dingus.gateway.trusted-proxies=192.0.2.1/32")
class UntrustedPeerIT extends GatewayTestBase {

    @Test
    void aForgedChainIsReplacedByThePeerAddress() {
        JsonNode echo = echo(http.send(http.request("/api/v1/rooms")
                .header("Authorization", "Bearer " + tokenForNewUser())
                .header("X-Forwarded-For", "6.6.6.6, 192.0.2.1").GET()));
        assertThat(echo.path("headers").path("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void forgedAddressesShareThePeersAuthBucket() {
        for (int i = 0; i < AUTH_BURST; i++) {
            assertThat(loginFrom("198.51.100." + i).statusCode()).isEqualTo(200);
        }
        assertProblem(loginFrom("198.51.100.99"), 429, "rate_limited");
    }

    private HttpResponse<String> loginFrom(String forwardedFor) {
        return http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("{}")));
    }
}
