package dev.dingus.messages.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The in-memory bucket used while Redis is away, on a clock the test moves. */
class LocalBucketTest {

    @Test
    void aBurstIsAllowedThenEachSendWaitsForItsToken() {
        AtomicLong now = new AtomicLong(1_000_000);
        SendRateLimiter.LocalBucket bucket = new SendRateLimiter.LocalBucket(20, 40, now::get);
        for (int i = 0; i < 40; i++) {
            assertThat(bucket.take()).isZero();
        }
        assertThat(bucket.take()).isEqualTo(50);
        now.addAndGet(50);
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(50);
        assertThat(bucket.full()).isFalse();
        now.addAndGet(2_000);
        assertThat(bucket.full()).isTrue();
    }
}
