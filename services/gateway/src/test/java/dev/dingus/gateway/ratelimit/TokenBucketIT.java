package dev.dingus.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;

/** The Lua token bucket against the machine's real Redis, under a key prefix of this run. */
class TokenBucketIT {
    private static final String PREFIX = "dingus-test-bucket-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static LettuceConnectionFactory factory;
    private static ReactiveStringRedisTemplate redis;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new ReactiveStringRedisTemplate(factory);
        // Connect before the timed steps of the tests.
        redis.hasKey(PREFIX + "warm-up").block(Duration.ofSeconds(10));
    }

    @AfterAll
    static void cleanUp() {
        redis.scan(ScanOptions.scanOptions().match(PREFIX + "*").build()).flatMap(redis::delete).then()
                .block(Duration.ofSeconds(5));
        factory.destroy();
    }

    @Test
    void aBurstIsAllowedThenRequestsWaitForTheRefill() {
        TokenBucket bucket = new TokenBucket(redis, Duration.ofSeconds(2));
        RateLimitSettings.Limit limit = new RateLimitSettings.Limit(2, 3);
        String key = PREFIX + "burst";
        for (int remaining = 2; remaining >= 0; remaining--) {
            TokenBucket.Decision decision = bucket.take(key, limit).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(remaining);
        }
        TokenBucket.Decision refused = bucket.take(key, limit).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).isBetween(1L, 500L);
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> bucket.take(key, limit).block().allowed());
    }

    @Test
    void bucketsAreSeparateByKeyAndExpireWhenFull() {
        TokenBucket bucket = new TokenBucket(redis, Duration.ofSeconds(2));
        RateLimitSettings.Limit limit = new RateLimitSettings.Limit(0.5, 1);
        assertThat(bucket.take(PREFIX + "a", limit).block().allowed()).isTrue();
        assertThat(bucket.take(PREFIX + "a", limit).block().allowed()).isFalse();
        assertThat(bucket.take(PREFIX + "b", limit).block().allowed()).isTrue();
        Long ttl = redis.getExpire(PREFIX + "a").map(Duration::toMillis).block();
        assertThat(ttl).as("expires soon after it would be full again").isBetween(1L, 3000L);
    }

    @Test
    void anUnreachableRedisFailsOpen() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        LettuceConnectionFactory dead = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closed));
        dead.afterPropertiesSet();
        dead.start();
        try {
            TokenBucket bucket = new TokenBucket(new ReactiveStringRedisTemplate(dead), Duration.ofMillis(300));
            TokenBucket.Decision decision = bucket.take(PREFIX + "dead", new RateLimitSettings.Limit(1, 1)).block(Duration.ofSeconds(5));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(-1);
        } finally {
            dead.destroy();
        }
    }
}
