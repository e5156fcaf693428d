package dev.dingus.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import dev.dingus.gateway.support.UnreachableRedis;
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
        // Redis is up: a timeout here would fail open, which anUnreachableRedisFailsOpen is about, not this test.
        TokenBucket bucket = new TokenBucket(redis, Duration.ofSeconds(10));
        // One token per 1000 s while the burst is spent: a loaded machine taking seconds between two calls
        // cannot refill the bucket before the request that must be refused.
        RateLimitSettings.Limit slow = new RateLimitSettings.Limit(0.001, 3);
        String key = PREFIX + "burst";
        for (int remaining = 2; remaining >= 0; remaining--) {
            TokenBucket.Decision decision = bucket.take(key, slow).block();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(remaining);
        }
        TokenBucket.Decision refused = bucket.take(key, slow).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterMillis()).as("a whole token, less the little time the burst took")
                .isBetween(500_000L, 1_000_000L);
        // The refill itself, at a rate the test can wait for: the script adds rate x (Redis' now - last take)
        // to the same bucket, so two tokens a second bring one back within half a second.
        RateLimitSettings.Limit fast = new RateLimitSettings.Limit(2, 3);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> bucket.take(key, fast).block().allowed());
    }

    @Test
    void bucketsAreSeparateByKeyAndExpireWhenFull() {
        TokenBucket bucket = new TokenBucket(redis, Duration.ofSeconds(10));
        // One token per 1000 s, so that "a" cannot refill between its two takes however slow the machine is.
        RateLimitSettings.Limit limit = new RateLimitSettings.Limit(0.001, 1);
        assertThat(bucket.take(PREFIX + "a", limit).block().allowed()).isTrue();
        assertThat(bucket.take(PREFIX + "a", limit).block().allowed()).isFalse();
        assertThat(bucket.take(PREFIX + "b", limit).block().allowed()).isTrue();
        Long ttl = redis.getExpire(PREFIX + "a").map(Duration::toMillis).block();
        assertThat(ttl).as("expires a second after it would be full again (1000 s)").isBetween(900_000L, 1_001_000L);
    }

    @Test
    void anUnreachableRedisFailsOpen() {
        try (UnreachableRedis dead = new UnreachableRedis()) {
            TokenBucket bucket = new TokenBucket(dead.template(), Duration.ofMillis(300));
            // The 300 ms timeout is what is tested; the wait for its answer is generous for a busy machine.
            TokenBucket.Decision decision = bucket.take(PREFIX + "dead", new RateLimitSettings.Limit(1, 1)).block(Duration.ofSeconds(30));
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(-1);
        }
    }
}
