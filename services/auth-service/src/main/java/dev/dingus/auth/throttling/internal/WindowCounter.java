package dev.dingus.auth.throttling.internal;

import dev.dingus.platform.web.config.DingusProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Fixed-window counters in Redis: the first increment starts the window, the key expires with it.
 * If Redis cannot be reached the counters read as zero: logins keep working (logged), which we prefer to
 * locking everyone out while Redis restarts.
 */
@Component
public class WindowCounter {
    private static final Logger log = LoggerFactory.getLogger(WindowCounter.class);

    // INCR, start the window on the first hit (or heal a key without TTL), answer the count and the time left.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> INCREMENT = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if n == 1 or ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {n, ttl}
            """, List.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    public WindowCounter(StringRedisTemplate redis, DingusProperties props) {
        this.redis = redis;
        this.prefix = props.redis().prefix();
    }

    /** The count within the current window and the time until it resets. */
    public record Count(long value, Duration resetIn) {
        static final Count NONE = new Count(0, Duration.ZERO);
    }

    public Count increment(String key, Duration window) {
        try {
            return toCount(redis.execute(INCREMENT, List.of(prefix + key), Long.toString(window.toMillis())));
        } catch (DataAccessException e) {
            log.warn("Login throttling skipped, Redis unavailable: {}", e.getMessage());
            return Count.NONE;
        }
    }

    public void reset(String key) {
        try {
            redis.delete(prefix + key);
        } catch (DataAccessException e) {
            log.warn("Could not reset a login throttle, Redis unavailable: {}", e.getMessage());
        }
    }

    private static Count toCount(List<?> reply) {
        if (reply == null || reply.size() < 2) {
            return Count.NONE;
        }
        long value = ((Number) reply.get(0)).longValue();
        long ttl = ((Number) reply.get(1)).longValue();
        return new Count(value, Duration.ofMillis(Math.max(0, ttl)));
    }
}
