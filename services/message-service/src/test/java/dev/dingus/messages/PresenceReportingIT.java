package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.presence.PresenceReporter;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.connection.MessageListener;
import tools.jackson.databind.JsonNode;

/** The presence contract with presence-service (docs/protocol.md §4), read back from the real Redis. */
class PresenceReportingIT extends IntegrationTestBase {

    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisMessageListenerContainer listeners;
    @Autowired
    PresenceReporter reporter;

    @Test
    void connectionsAreReportedWithDeadlinesAndActivityAndRenewedPeriodically() {
        String prefix = slice().redisPrefix();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        MessageListener listener = (message, pattern) -> events.add(json.readTree(new String(message.getBody(), StandardCharsets.UTF_8)));
        listeners.addMessageListener(listener, new ChannelTopic(prefix + "presence:events"));
        try {
            TestUser alice = newUser();
            UUID roomId = room(alice);
            SocketClients.Connection c = sockets.connect("p-" + UUID.randomUUID(), socketUrl(), Map.of("auth", Map.of("token", alice.token())));
            String socketId = c.reply().path("socketId").asString();
            String member = "message-1:" + socketId;
            long before = System.currentTimeMillis();

            awaitTrue(() -> events.stream().anyMatch(e -> "connect".equals(e.path("type").asString())), "connect event");
            JsonNode connect = events.stream().filter(e -> "connect".equals(e.path("type").asString())).findFirst().orElseThrow();
            assertThat(connect.path("userId").asString()).isEqualTo(alice.id().toString());
            assertThat(connect.path("socketId").asString()).isEqualTo(socketId);
            assertThat(connect.path("nodeId").asString()).isEqualTo("message-1");
            assertThat(connect.path("at").isIntegralNumber()).isTrue();
            Double deadline = redis.opsForZSet().score(prefix + "presence:conn:" + alice.id(), member);
            assertThat(deadline).isNotNull();
            assertThat(deadline.longValue()).isBetween(before + 50_000, System.currentTimeMillis() + 61_000);
            assertThat(redis.opsForZSet().score(prefix + "presence:deadlines", alice.id().toString())).isNotNull();

            // Activity: a stored message marks its sender active now.
            c.client().emitAck("send_message", map("roomId", roomId.toString(), "content", "I am here"));
            awaitTrue(() -> redis.opsForValue().get(prefix + "presence:active:" + alice.id()) != null, "activity");
            assertThat(Long.parseLong(redis.opsForValue().get(prefix + "presence:active:" + alice.id()))).isGreaterThanOrEqualTo(before);

            // The periodic renewal moves the deadline forward (the scheduler does this every 20 s).
            SocketClients.sleep(20);
            reporter.refresh();
            awaitTrue(() -> redis.opsForZSet().score(prefix + "presence:conn:" + alice.id(), member) > deadline, "renewed deadline");

            c.client().disconnect();
            awaitTrue(() -> events.stream().anyMatch(e -> "disconnect".equals(e.path("type").asString())
                    && socketId.equals(e.path("socketId").asString())), "disconnect event");
            awaitTrue(() -> redis.opsForZSet().score(prefix + "presence:conn:" + alice.id(), member) == null, "member removed");
        } finally {
            listeners.removeMessageListener(listener);
        }
    }
}
