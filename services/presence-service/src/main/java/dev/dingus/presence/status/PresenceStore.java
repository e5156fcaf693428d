package dev.dingus.presence.status;

import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.core.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/** The Redis side of {@link PresenceEvaluator}: snapshots in one pipelined round trip, and the compare-and-set. */
@Component
class PresenceStore {
    /** Stores the new visible status only if nobody changed it since we read it. */
    private static final DefaultRedisScript<Long> SET_SHOWN_IF = new DefaultRedisScript<>("""
            local current = redis.call('HGET', KEYS[1], 'status') or ''
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[2])
            if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'lastSeen', ARGV[3]) end
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final PresenceKeys keys;

    PresenceStore(StringRedisTemplate redis, PresenceKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    List<Snapshot> read(List<UUID> userIds, Instant now) {
        long nowMillis = now.toEpochMilli();
        List<Object> results = redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Object execute(RedisOperations operations) throws DataAccessException {
                for (UUID userId : userIds) {
                    // deadlines are whole millis: "after now" is >= now + 1
                    operations.opsForZSet().count(keys.connections(userId), nowMillis + 1, Double.POSITIVE_INFINITY);
                    operations.opsForValue().get(keys.chosen(userId));
                    operations.opsForValue().get(keys.lastActive(userId));
                    operations.opsForHash().multiGet(keys.shown(userId), List.of("status", "lastSeen"));
                }
                return null;
            }
        });
        List<Snapshot> snapshots = new ArrayList<>(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            Long open = (Long) results.get(i * 4);
            String chosen = (String) results.get(i * 4 + 1);
            String active = (String) results.get(i * 4 + 2);
            List<?> shown = (List<?>) results.get(i * 4 + 3);
            snapshots.add(new Snapshot(userIds.get(i), open != null && open > 0, ChosenStatus.stored(chosen),
                    millis(active), (String) shown.get(0), millis((String) shown.get(1))));
        }
        return snapshots;
    }

    /** Sets the visible status (and lastSeen, when given) if it still is {@code expectedRaw}; false otherwise. */
    boolean setShownIf(UUID userId, String expectedRaw, Status next, Instant lastSeen) {
        Long done = redis.execute(SET_SHOWN_IF, List.of(keys.shown(userId)), expectedRaw == null ? "" : expectedRaw,
                next.wire(), lastSeen == null ? "" : Long.toString(lastSeen.toEpochMilli()));
        return done != null && done == 1L;
    }

    void setChosen(UUID userId, ChosenStatus chosen) {
        if (chosen == ChosenStatus.ONLINE) {
            redis.delete(keys.chosen(userId));
        } else {
            redis.opsForValue().set(keys.chosen(userId), chosen.wire());
        }
    }

    void recordActivity(UUID userId, Instant at) {
        redis.opsForValue().set(keys.lastActive(userId), Long.toString(at.toEpochMilli()));
    }

    void scheduleIdleCheck(UUID userId, Instant at) {
        redis.opsForZSet().add(keys.idleChecks(), userId.toString(), at.toEpochMilli());
    }

    void cancelIdleCheck(UUID userId) {
        redis.opsForZSet().remove(keys.idleChecks(), userId.toString());
    }

    private static Instant millis(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
