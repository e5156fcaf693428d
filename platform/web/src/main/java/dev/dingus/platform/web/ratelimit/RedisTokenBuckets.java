package dev.dingus.platform.web.ratelimit;

import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Token buckets in Redis, shared by every node of a service: {@code ratePerSecond} tokens come back per second, up to
 * {@code burst}. Each bucket is one hash {tokens, at} kept on Redis' own clock ({@code TIME}), so nodes with skewed
 * clocks agree, and expires once it would be full again. Failures (Redis away) are the caller's to handle.
 */
public class RedisTokenBuckets {
    /**
     * KEYS: one bucket per take, in order (a bucket may appear several times); ARGV: rate per second, burst. Answers
     * per take 0 when allowed, else the milliseconds until a token is back.
     */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local rate = tonumber(ARGV[1]) / 1000
            local burst = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local waits = {}
            for i = 1, #KEYS do
              local state = redis.call('HMGET', KEYS[i], 'tokens', 'at')
              local tokens = tonumber(state[1]) or burst
              local at = tonumber(state[2]) or now
              tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
              local wait = 0
              if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
              redis.call('HSET', KEYS[i], 'tokens', tostring(tokens), 'at', now)
              redis.call('PEXPIRE', KEYS[i], math.ceil((burst - tokens) / rate) + 1000)
              waits[i] = wait
            end
            return waits""", List.class);

    private final StringRedisTemplate redis;

    public RedisTokenBuckets(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Takes one token per entry of {@code buckets}, in order, in one round trip; per entry 0 or the wait in ms. */
    public long[] takeAll(List<String> buckets, double ratePerSecond, int burst) {
        List<?> answers = redis.execute(TAKE, buckets, Double.toString(ratePerSecond), Integer.toString(burst));
        if (answers == null || answers.size() != buckets.size()) {
            throw new IllegalStateException("Redis answered the token bucket script with " + answers);
        }
        long[] waits = new long[buckets.size()];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = ((Number) answers.get(i)).longValue();
        }
        return waits;
    }

    /** Takes one token; 0 when allowed, else the milliseconds until one is back. */
    public long take(String bucket, double ratePerSecond, int burst) {
        return takeAll(List.of(bucket), ratePerSecond, burst)[0];
    }
}
