package dev.dingus.platform.events.consumer;

import java.time.Duration;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;

/** For services without a database: processed ids as expiring Redis keys (longer than any redelivery window). */
public class RedisProcessedEvents implements ProcessedEvents {
    private static final Duration KEEP = Duration.ofDays(7);

    private final StringRedisTemplate redis;
    private final String prefix;

    public RedisProcessedEvents(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public boolean markProcessed(UUID eventId) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(eventId), "1", KEEP));
    }

    @Override
    public void forget(UUID eventId) {
        redis.delete(key(eventId));
    }

    private String key(UUID eventId) {
        return prefix + "processed-event:" + eventId;
    }
}
