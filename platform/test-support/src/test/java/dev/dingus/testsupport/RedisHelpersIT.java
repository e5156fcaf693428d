package dev.dingus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** RedisKeys and FanoutLog against the machine's real Redis, under key prefixes of this run. */
class RedisHelpersIT {
    private static final String REDIS_URL = System.getenv().getOrDefault("DINGUS_REDIS_URL", "redis://127.0.0.1:6379");
    private static final String PREFIX = "test:" + TestInfrastructure.uniqueId() + ":";
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> connection;
    private static RedisCommands<String, String> redis;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(REDIS_URL);
        connection = client.connect();
        redis = connection.sync();
    }

    @AfterAll
    static void disconnect() {
        RedisKeys.deleteAll(REDIS_URL, PREFIX);
        connection.close();
        client.shutdown();
    }

    @Test
    void deleteAllRemovesEveryKeyOfThePrefixAndNothingElse() {
        String mine = PREFIX + "keys:";
        String neighbour = PREFIX + "keysX"; // shares the text before "keys:", not the prefix
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 1203; i++) {
            many.put(mine + i, "v"); // more than two SCAN/DEL batches
        }
        redis.mset(many);
        redis.sadd(mine + "set", "a", "b");
        redis.set(neighbour, "stays");

        assertThat(RedisKeys.deleteAll(REDIS_URL, mine)).isEqualTo(1204);

        assertThat(redis.exists(mine + "0", mine + "1202", mine + "set")).isZero();
        assertThat(redis.get(neighbour)).isEqualTo("stays");
    }

    @Test
    void aPrefixWithGlobCharactersIsTakenLiterally() {
        String literal = PREFIX + "glob[*]?:";
        redis.set(literal + "a", "v");
        redis.set(PREFIX + "glob*Z:a", "stays"); // matched by the prefix read as a pattern: [*] and ?
        assertThat(RedisKeys.deleteAll(REDIS_URL, literal)).isEqualTo(1);
        assertThat(redis.get(PREFIX + "glob*Z:a")).isEqualTo("stays");
    }

    @Test
    void fanoutLogKeepsWhatEachTargetReceived() {
        String fanoutPrefix = PREFIX + "f1:";
        try (FanoutLog log = FanoutLog.start(REDIS_URL, fanoutPrefix)) {
            redis.publish(fanoutPrefix + "fanout", """
                    {"nodeId":"n1","targets":["user:a","room:r"],"except":null,"event":"presence:update","args":[{"status":"online"}]}""");
            redis.publish(fanoutPrefix + "fanout", """
                    {"nodeId":"n1","targets":["user:b"],"except":null,"event":"presence:update","args":[{"status":"away"}]}""");
            redis.publish(fanoutPrefix + "fanout", """
                    {"nodeId":"n1","targets":["user:a"],"except":null,"event":"notification:new","args":[{"id":"x"}]}""");

            List<JsonNode> toA = log.await("user:a", "presence:update", got -> got.size() == 1, Duration.ofSeconds(10));
            assertThat(toA.getFirst().path("status").asString()).isEqualTo("online");
            log.await("user:a", "notification:new", got -> got.size() == 1, Duration.ofSeconds(10));
            log.await("user:b", "presence:update", got -> got.size() == 1, Duration.ofSeconds(10));
            assertThat(log.received("room:r", "presence:update")).hasSize(1);
            assertThat(log.all("presence:update")).hasSize(2);
            assertThat(log.received("user:c", "presence:update")).isEmpty();
        }
    }

    @Test
    void fanoutLogAwaitFailsWithWhatArrived() {
        try (FanoutLog log = FanoutLog.start(REDIS_URL, PREFIX + "f2:")) {
            assertThatThrownBy(() -> log.await("user:a", "presence:update", got -> !got.isEmpty(), Duration.ofMillis(100)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("presence:update to user:a");
        }
    }
}
