package dev.dingus.presence.status;

import dev.dingus.platform.web.errors.RateLimitedException;
import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.core.PresenceProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * How often a user may set their status ({@code dingus.presence.status-changes}), over all instances. Every PUT
 * counts, not only those that change what others see: telling them apart would need the decision before the
 * token, racing with the compare-and-set, and a person never comes near the limit either way. Only the user's
 * own choices come here; socket reports and activity are never limited. Without Redis the PUT could not be stored
 * either: the failure becomes 503 like every other Redis call here.
 */
@Component
class StatusChangeLimiter {
    /**
     * A token bucket in one hash {tokens, at} on Redis' own clock ({@code TIME}), so instances with skewed clocks
     * agree; answers 0 when allowed, else the milliseconds until a token is back. The key expires once it would be
     * full again. (message-service and the gateway keep similar buckets; none is shared in platform yet.)
     */
    private static final DefaultRedisScript<Long> TAKE = new DefaultRedisScript<>("""
            local rate = tonumber(ARGV[1]) / 60000
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local tokens = tonumber(state[1]) or burst
            local at = tonumber(state[2]) or now
            tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
            local wait = 0
            if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
            redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate) + 1000)
            return wait""", Long.class);

    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final PresenceProperties.StatusChanges limit;

    StatusChangeLimiter(StringRedisTemplate redis, PresenceKeys keys, PresenceProperties props) {
        this.redis = redis;
        this.keys = keys;
        this.limit = props.statusChanges();
    }

    /** Takes one change from the user's budget; 429 {@code rate_limited} with Retry-After when it is spent. */
    void acquire(UUID userId) {
        Long wait = redis.execute(TAKE, List.of(keys.statusChanges(userId)), Double.toString(limit.perMinute()),
                Integer.toString(limit.burst()));
        if (wait != null && wait > 0) {
            throw new RateLimitedException("Too many status changes in a short time; wait a moment.", Duration.ofMillis(wait));
        }
    }
}
