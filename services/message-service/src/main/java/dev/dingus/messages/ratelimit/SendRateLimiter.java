package dev.dingus.messages.ratelimit;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import dev.dingus.platform.web.ratelimit.RedisTokenBuckets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes of messages per user: {@code sendRatePerSecond} on average, bursts up to {@code sendBurst}, over all nodes.
 * Sends, edits and deletes take from one bucket: each stores a row, publishes an event and reaches the whole room, so
 * a flood of any of them costs the same, and one bucket keeps one budget (and one Redis key) per user. The buckets
 * are platform's {@link RedisTokenBuckets}; while Redis is away each node keeps its own in memory, by the same rules.
 */
@Component
public class SendRateLimiter {
    private final RedisTokenBuckets buckets;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final double ratePerSecond;
    private final int burst;
    private final Map<UUID, LocalBucket> local = new ConcurrentHashMap<>();

    SendRateLimiter(StringRedisTemplate redis, RedisGuard guard, RedisKeys keys, MessagesProperties props) {
        this.buckets = new RedisTokenBuckets(redis);
        this.guard = guard;
        this.keys = keys;
        this.ratePerSecond = props.limits().sendRatePerSecond();
        this.burst = props.limits().sendBurst();
    }

    /**
     * Takes one send per entry from its user's bucket (a user may appear several times), all in one round trip;
     * returns per entry 0 when allowed, else the milliseconds to wait.
     */
    public long[] acquireAll(List<UUID> userIds) {
        List<String> keysOfSends = userIds.stream().map(keys::sendRate).toList();
        long[] waits = guard.call(() -> buckets.takeAll(keysOfSends, ratePerSecond, burst), () -> null);
        if (waits == null) { // Redis away: each node counts on its own
            waits = new long[userIds.size()];
            for (int i = 0; i < waits.length; i++) {
                waits[i] = local.computeIfAbsent(userIds.get(i),
                        u -> new LocalBucket(ratePerSecond, burst, System::currentTimeMillis)).take();
            }
        }
        return waits;
    }

    /** Takes one write (an edit, a delete) from the user's bucket, one round trip; over the rate it is refused. */
    public void acquire(UUID userId) {
        long wait = acquireAll(List.of(userId))[0];
        if (wait > 0) {
            throw new SendRateLimited(wait);
        }
    }

    /** Local buckets are only for outages; full ones carry no information. */
    @Scheduled(fixedDelay = 60_000)
    public void forgetIdleLocalBuckets() {
        local.values().removeIf(LocalBucket::full);
    }

    /** The in-memory stand-in, same rules; {@code clock} gives milliseconds. */
    static final class LocalBucket {
        private final double ratePerMilli;
        private final int burst;
        private final LongSupplier clock;
        private double tokens;
        private long at;

        LocalBucket(double ratePerSecond, int burst, LongSupplier clock) {
            this.ratePerMilli = ratePerSecond / 1000;
            this.burst = burst;
            this.clock = clock;
            this.tokens = burst;
            this.at = clock.getAsLong();
        }

        synchronized long take() {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / ratePerMilli);
        }

        synchronized boolean full() {
            refill();
            return tokens >= burst;
        }

        private void refill() {
            long now = clock.getAsLong();
            tokens = Math.min(burst, tokens + Math.max(0, now - at) * ratePerMilli);
            at = now;
        }
    }
}
