package dev.dingus.presence;

import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.presence.support.PresenceTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TcpProxy;
import dev.dingus.testsupport.TestUser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * presence-service reaches Redis through a proxy the test cuts: while Redis is away the API answers 503
 * {@code service_unavailable} (never 500); when it is back, requests work again and socket reports are heard
 * again (the subscription recovers by itself).
 */
class RedisOutageIT extends PresenceTestBase {
    /** Open for the JVM's life: the cached application context keeps using it until the end of the run. */
    static final TcpProxy PROXY = new TcpProxy(URI.create(REDIS_URL).getPort());

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + PROXY.port());
        registry.add("spring.data.redis.timeout", () -> "1s");
    }

    @Test
    void whileRedisIsAwayTheApiSaysUnavailableAndEverythingResumesAfter() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        assertThat(statusOf(bob, alice)).isEqualTo("offline");

        PROXY.down();
        try {
            for (Api.Response r : List.of(
                    api.get("/api/v1/presence/" + alice.id(), bob.token()),
                    api.put("/api/v1/presence/me", alice.token(), Map.of("status", "dnd")),
                    api.post("/api/v1/presence/query", bob.token(), Map.of("userIds", List.of(alice.id()))))) {
                assertThat(r.status()).as(r.toString()).isEqualTo(503);
                assertThat(r.code()).isEqualTo("service_unavailable");
            }
        } finally {
            PROXY.up();
        }

        eventually(Duration.ofSeconds(20), () -> assertThat(statusOf(bob, alice)).isEqualTo("offline"));
        // a report published after the outage is heard: the subscription came back by itself
        eventually(Duration.ofSeconds(20), () -> {
            node.connect(alice.id());
            assertThat(fanout.received(target(bob), SocketEvents.PRESENCE_UPDATE)).isNotEmpty();
        });
        assertThat(fanout.received(target(bob), SocketEvents.PRESENCE_UPDATE).getFirst().path("status").asString())
                .isEqualTo("online");
    }
}
