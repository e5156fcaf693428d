package dev.dingus.platform.events.consumer;

import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * For services without a database: processed ids as Redis keys that expire after
 * {@code dingus.events.processed-retention} (longer than any redelivery window), the same retention after which
 * services with a database delete theirs.
 */
public class RedisProcessedEvents implements ProcessedEvents {
    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration retention;

    public RedisProcessedEvents(StringRedisTemplate redis, String prefix, Duration retention) {
        this.redis = redis;
        this.prefix = prefix;
        this.retention = retention;
    }

    @Override
    public boolean markProcessed(UUID eventId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(eventId), "1", retention));
    }

    @Override
    public void forget(UUID eventId) {
        redis.delete(key(eventId));
    }

    private String key(UUID eventId) {
        return prefix + "processed-event:" + eventId;
    }
}
