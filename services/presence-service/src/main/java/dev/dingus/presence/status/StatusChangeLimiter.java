package dev.dingus.presence.status;

import dev.dingus.platform.web.errors.RateLimitedException;
import dev.dingus.platform.web.ratelimit.RedisTokenBuckets;
import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.core.PresenceProperties;
import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * How often a user may set their status ({@code dingus.presence.status-changes}), over all instances. Every PUT
 * counts, not only those that change what others see: telling them apart would need the decision before the
 * token, racing with the compare-and-set, and a person never comes near the limit either way. Only the user's
 * own choices come here; socket reports and activity are never limited. Without Redis the PUT could not be stored
 * either: the failure becomes 503 like every other Redis call here. The bucket is platform's {@link RedisTokenBuckets}.
 */
@Component
class StatusChangeLimiter {
    private final RedisTokenBuckets buckets;
    private final PresenceKeys keys;
    private final PresenceProperties.StatusChanges limit;

    StatusChangeLimiter(StringRedisTemplate redis, PresenceKeys keys, PresenceProperties props) {
        this.buckets = new RedisTokenBuckets(redis);
        this.keys = keys;
        this.limit = props.statusChanges();
    }

    /** Takes one change from the user's budget; 429 {@code rate_limited} with Retry-After when it is spent. */
    void acquire(UUID userId) {
        long wait = buckets.take(keys.statusChanges(userId), limit.perMinute() / 60, limit.burst());
        if (wait > 0) {
            throw new RateLimitedException("Too many status changes in a short time; wait a moment.", Duration.ofMillis(wait));
        }
    }
}
