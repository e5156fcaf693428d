package dev.dingus.platform.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.testsupport.RedisKeys;
import dev.dingus.testsupport.TestInfrastructure;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The shared token buckets against the machine's real Redis. */
class RedisTokenBucketsIT {
    private static final String PREFIX = "dingus-test-buckets-" + TestInfrastructure.uniqueId() + ":";
    /** One token back every 1,000 s: none comes back while a test runs, so nothing depends on timing. */
    private static final double SLOW = 0.001;
    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static RedisTokenBuckets buckets;

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        buckets = new RedisTokenBuckets(redis);
    }

    @AfterAll
    static void cleanUp() {
        RedisKeys.deleteAll("redis://127.0.0.1:6379", PREFIX);
        factory.destroy();
    }

    @Test
    void aBurstIsAllowedThenTheWaitForTheNextTokenIsTold() {
        String bucket = PREFIX + "a";
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take(bucket, SLOW, 3)).isZero();
        }
        long wait = buckets.take(bucket, SLOW, 3);
        assertThat(wait).isGreaterThan(900_000).isLessThanOrEqualTo(1_000_000);
        // A bucket that is not full expires only once it would be full again.
        assertThat(redis.getExpire(bucket)).isGreaterThan(2_000);
    }

    @Test
    void oneCallTakesPerEntryInOrderAndBucketsAreIndependent() {
        String b = PREFIX + "b";
        String c = PREFIX + "c";
        long[] waits = buckets.takeAll(List.of(b, c, b, b), SLOW, 2);
        assertThat(waits[0]).isZero();
        assertThat(waits[1]).isZero();
        assertThat(waits[2]).isZero();
        assertThat(waits[3]).as("b's third take in one call").isPositive();
        assertThat(buckets.take(c, SLOW, 2)).isZero();
    }

    @Test
    void aFullBucketKeepsNoKey() {
        String d = PREFIX + "d";
        assertThat(buckets.take(d, 1000, 1)).isZero();
        // One token back per millisecond: full again almost at once, so the key expires about a second later.
        assertThat(redis.getExpire(d, TimeUnit.MILLISECONDS)).isBetween(1L, 1_100L);
    }
}
