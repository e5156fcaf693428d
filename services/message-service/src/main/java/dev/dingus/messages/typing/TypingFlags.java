package dev.dingus.messages.typing;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expiring typing flags in Redis (in memory while Redis is away). */
@Component
public class TypingFlags {
    /** A client resends {@code typing} every 2.5 s while typing; the room hears it at most that often. */
    private static final long RETELL_AFTER_MILLIS = 2_500;

    /** Sets the flag (its value: when the room was last told); 1 when the room should be told now, else 0. */
    private static final RedisScript<Long> START = RedisScript.of("""
            local told = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
            local now = tonumber(ARGV[3])
            if now - told >= tonumber(ARGV[2]) then
              redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[1])
              return 1
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final long ttlMillis;
    /** While Redis is away: when each flag was last told, by room and user. */
    private final Map<String, Long> localToldAt = new ConcurrentHashMap<>();

    TypingFlags(StringRedisTemplate redis, RedisGuard guard, RedisKeys keys, MessagesProperties props) {
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.ttlMillis = props.limits().typingTtl().toMillis();
    }

    /** Marks the user as typing; true when the room should be told. */
    public boolean start(UUID roomId, UUID userId) {
        return guard.call(() -> {
            Long tell = redis.execute(START, List.of(keys.typing(roomId, userId)), Long.toString(ttlMillis),
                    Long.toString(RETELL_AFTER_MILLIS), Long.toString(System.currentTimeMillis()));
            return tell != null && tell == 1L;
        }, () -> startLocally(roomId, userId));
    }

    /** Clears the flag; true when there was one (the room should hear that typing stopped). */
    public boolean stop(UUID roomId, UUID userId) {
        localToldAt.remove(roomId + ":" + userId);
        return guard.call(() -> Boolean.TRUE.equals(redis.delete(keys.typing(roomId, userId))), () -> true);
    }

    private boolean startLocally(UUID roomId, UUID userId) {
        long now = System.currentTimeMillis();
        Long before = localToldAt.get(roomId + ":" + userId);
        if (before != null && now - before < RETELL_AFTER_MILLIS) {
            return false;
        }
        localToldAt.put(roomId + ":" + userId, now);
        return true;
    }

    @Scheduled(fixedDelay = 30_000)
    public void forgetOldLocalFlags() {
        long now = System.currentTimeMillis();
        localToldAt.values().removeIf(at -> now - at > ttlMillis);
    }
}
