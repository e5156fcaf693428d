package dev.dingus.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * A token bucket kept in one Redis hash and updated atomically by a Lua script that reads Redis' own clock, so
 * several gateway instances share one bucket per key without clock skew. The key expires once the bucket would
 * be full again, so idle clients cost no memory.
 */
public class TokenBucket {
    private static final Logger log = LoggerFactory.getLogger(TokenBucket.class);

    static final String SCRIPT = """
            local rate = tonumber(ARGV[1])
            local capacity = tonumber(ARGV[2])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1])
            local ts = tonumber(state[2])
            if tokens == nil or ts == nil then
              tokens = capacity
              ts = now
            end
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate / 1000)
            local allowed = 0
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait = math.ceil((1 - tokens) * 1000 / rate)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
            return {allowed, math.floor(tokens), wait}
            """;
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> BUCKET = (RedisScript) RedisScript.of(SCRIPT, List.class);
    private static final long WARN_EVERY_MS = 30_000;

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final AtomicLong lastWarning = new AtomicLong();

    public TokenBucket(ReactiveStringRedisTemplate redis, Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** The outcome of taking one token. */
    public record Decision(boolean allowed, long remaining, long retryAfterMillis) {
        static Decision failedOpen() {
            return new Decision(true, -1, 0);
        }
    }

    public Mono<Decision> take(String key, RateLimitSettings.Limit limit) {
        List<String> args = List.of(Double.toString(limit.replenishPerSecond()), Integer.toString(limit.burst()));
        return redis.execute(BUCKET, List.of(key), args)
                .next()
                .map(result -> new Decision(result.get(0) == 1L, result.get(1), result.get(2)))
                .timeout(timeout)
                .onErrorResume(e -> {
                    warn(e);
                    return Mono.just(Decision.failedOpen());
                })
                .defaultIfEmpty(Decision.failedOpen());
    }

    private void warn(Throwable e) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
            log.warn("Rate limiting is failing open, Redis did not answer: {}", e.toString());
        }
    }
}
