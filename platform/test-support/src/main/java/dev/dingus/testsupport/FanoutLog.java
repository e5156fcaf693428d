package dev.dingus.testsupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Socket.IO node would receive: subscribes to the real Redis fan-out channel {@code <prefix>fanout}
 * and keeps each message ({@code {nodeId, targets, except, event, args}}). Close it at the end of the test.
 */
public final class FanoutLog implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisClient client;
    private final StatefulRedisPubSubConnection<String, String> connection;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

    private FanoutLog(String redisUrl, String prefix) {
        client = RedisClient.create(redisUrl);
        connection = client.connectPubSub();
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                messages.add(JSON.readTree(message));
            }
        });
        connection.sync().subscribe(prefix + "fanout");
    }

    /** Subscribes (synchronously, so nothing published afterwards is missed) to the run's fan-out channel. */
    public static FanoutLog start(String redisUrl, String prefix) {
        return new FanoutLog(redisUrl, prefix);
    }

    /** The first argument of every {@code event} emitted to {@code target} (e.g. {@code user:<id>}). */
    public List<JsonNode> received(String target, String event) {
        return messages.stream()
                .filter(m -> event.equals(m.path("event").asString()))
                .filter(m -> m.path("targets").valueStream().anyMatch(t -> target.equals(t.asString())))
                .map(m -> m.path("args").path(0))
                .toList();
    }

    /** Every whole fan-out message of {@code event}, whoever it was for. */
    public List<JsonNode> all(String event) {
        return messages.stream().filter(m -> event.equals(m.path("event").asString())).toList();
    }

    /** Waits until the payloads {@code target} received for {@code event} satisfy {@code condition}. */
    public List<JsonNode> await(String target, String event, Predicate<List<JsonNode>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> got = received(target, event);
            if (condition.test(got)) {
                return got;
            }
            Eventually.pause(20);
        }
        throw new AssertionError(event + " to " + target + " did not arrive as expected within " + timeout + "; got "
                + received(target, event));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
