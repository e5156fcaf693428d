package dev.dingus.presence.tracking.internal;

import dev.dingus.presence.core.PresenceKeys;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/**
 * The {@code presence:deadlines} index: per user the latest deadline of any socket. Only entries whose time
 * has passed are read, so the work per sweep is proportional to the users who stopped heartbeating.
 */
@Component
class HeartbeatDeadlines {
    /**
     * Atomically drops the user's expired sockets. None left: removes the user from the index and returns the
     * last deadline seen (0 if none), the user is gone. Some left: moves the user's deadline to the latest of
     * them and returns -1.
     */
    private static final DefaultRedisScript<Long> EXPIRE = new DefaultRedisScript<>("""
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            if #latest == 0 then
              local last = redis.call('ZSCORE', KEYS[2], ARGV[2])
              redis.call('ZREM', KEYS[2], ARGV[2])
              return tonumber(last) or 0
            end
            redis.call('ZADD', KEYS[2], 'GT', latest[2], ARGV[2])
            return -1""", Long.class);

    private final StringRedisTemplate redis;
    private final PresenceKeys keys;

    HeartbeatDeadlines(StringRedisTemplate redis, PresenceKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    Set<String> due(Instant now, int limit) {
        return redis.opsForZSet().rangeByScore(keys.deadlines(), Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, limit);
    }

    /** -1 while sockets remain; else the last deadline in millis (0 when unknown). */
    long expire(UUID userId, Instant now) {
        Long result = redis.execute(EXPIRE, List.of(keys.connections(userId), keys.deadlines()),
                Long.toString(now.toEpochMilli()), userId.toString());
        return result == null ? 0 : result;
    }
}
