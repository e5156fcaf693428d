package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.testsupport.LocalServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped and started while messages are being sent: every acknowledged message is stored and delivered
 * (on this node, without Redis), sending goes on, and after Redis returns delivery and the cache are right again.
 */
class RedisOutageIT extends IntegrationTestBase {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void noAcknowledgedMessageIsLostWhileRedisIsAwayAndEverythingRecovers() {
        JoinedPair pair = ownerAndBobJoined();
        TestUser alice = pair.owner();
        UUID roomId = pair.roomId();
        SocketClients.Client a = pair.ownerSocket();
        SocketClients.Client b = pair.bobSocket();
        // The latest page is cached before the outage, so a stale cache would show after it.
        api().get("/api/v1/rooms/" + roomId + "/messages", alice.token());

        List<JsonNode> acked = new ArrayList<>();
        List<JsonNode> refused = new ArrayList<>();
        int n = 0;
        for (; n < 5; n++) {
            send(a, roomId, n, acked, refused);
        }
        try {
            LocalServices.stopRedis();
            for (; n < 20; n++) {
                send(a, roomId, n, acked, refused);
                SocketClients.sleep(100);
            }
        } finally {
            LocalServices.startRedis();
        }
        awaitTrue(() -> {
            try {
                return "PONG".equals(redis.execute(c -> c.ping(), true));
            } catch (RuntimeException e) {
                return false;
            }
        }, "Redis back");
        for (; n < 30; n++) {
            send(a, roomId, n, acked, refused);
            SocketClients.sleep(100);
        }

        assertThat(refused).as("sends refused while Redis was away").isEmpty();
        assertThat(acked).hasSize(30);
        for (JsonNode m : acked) {
            assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE id = ?").param(UUID.fromString(m.path("id").asString()))
                    .query(Long.class).single()).as("stored: " + m).isEqualTo(1);
        }
        // Bob (same node) got every acknowledged message, during the outage too, in order.
        List<JsonNode> received = b.awaitEvents("new_message", 30, Duration.ofSeconds(15));
        assertThat(received).extracting(m -> m.path("seq").asLong())
                .containsExactlyElementsOf(acked.stream().map(m -> m.path("seq").asLong()).toList());

        // After the outage the latest page is exact again (no message missing from a stale cache).
        awaitTrue(() -> api().get("/api/v1/rooms/" + roomId + "/messages?limit=30", alice.token())
                .body().path("messages").size() == 30, "latest page complete");
        JsonNode page = api().get("/api/v1/rooms/" + roomId + "/messages?limit=30", alice.token()).body().path("messages");
        assertThat(page.path(29).path("seq").asLong()).isEqualTo(30);

        // New sockets still work and hear new messages after the recovery.
        SocketClients.Client late = connect(pair.bob());
        late.emitAck("join_room", map("roomId", roomId.toString()));
        a.emitAck("send_message", map("roomId", roomId.toString(), "content", "after recovery"));
        assertThat(late.awaitEvent("new_message", WAIT).path("content").asString()).isEqualTo("after recovery");
    }

    private static void send(SocketClients.Client a, UUID roomId, int n, List<JsonNode> acked, List<JsonNode> refused) {
        JsonNode ack = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "m" + n, "clientMsgId", "r-" + n));
        if (ack.path("success").asBoolean()) {
            acked.add(ack.path("message"));
        } else {
            refused.add(ack);
        }
    }
}
