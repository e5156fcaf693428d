package dev.dingus.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.presence.support.PresenceTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user may set their status only so often: each change reaches every room-mate and friend. The refill is so slow
 * here (one change per 1,000 minutes) that no token can come back during the test, whatever the machine's speed.
 */
@TestPropertySource(properties = {
        "dingus.presence.status-changes.burst=" + StatusChangeLimitIT.BURST,
        "dingus.presence.status-changes.per-minute=0.001"})
class StatusChangeLimitIT extends PresenceTestBase {
    static final int BURST = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void afterTheBurstAChangeIsRefusedWithRetryAfterAndNothingIsAnnounced() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        try (Heartbeats beating = heartbeats()) {
            String socket = node.connect(alice.id());
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);

            for (String status : List.of("dnd", "online", "dnd")) {
                Api.Response r = api.put("/api/v1/presence/me", alice.token(), Map.of("status", status));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
            }
            HttpResponse<String> refused = putStatus(alice, "online");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
            assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("rate_limited");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(statusOf(bob, alice)).as("the refused change was not applied").isEqualTo("dnd");

            // socket reports are not the user's choice and are not limited; the offline update also shows that
            // the refused change announced nothing (updates arrive in order)
            node.disconnect(socket);
            List<JsonNode> updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 5, WAIT);
            assertThat(updates).extracting(u -> u.path("status").asString())
                    .containsExactly("online", "dnd", "online", "dnd", "offline");
        }
    }

    @Test
    void oneUsersLimitLeavesOtherUsersTheirOwn() {
        TestUser alice = newUser();
        TestUser carol = newUser();
        for (int i = 0; i < BURST; i++) {
            assertThat(api.put("/api/v1/presence/me", alice.token(), Map.of("status", "dnd")).status()).isEqualTo(200);
        }
        assertThat(putStatus(alice, "away").statusCode()).isEqualTo(429);

        for (int i = 0; i < BURST; i++) {
            Api.Response r = api.put("/api/v1/presence/me", carol.token(), Map.of("status", "away"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    /** {@link Api} does not show headers; Retry-After is one. */
    private HttpResponse<String> putStatus(TestUser user, String status) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/presence/me"))
                .timeout(WAIT).header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("status", status)))).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
