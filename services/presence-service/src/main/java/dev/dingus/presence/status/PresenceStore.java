package dev.dingus.presence.status;

import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.core.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.stereotype.Component;

/** The Redis side of {@link PresenceEvaluator}: snapshots in one script call, and the compare-and-set. */
@Component
class PresenceStore {
    /** Stores the new visible status only if nobody changed it since we read it. */
    private static final DefaultRedisScript<Long> SET_SHOWN_IF = new DefaultRedisScript<>("""
            local current = redis.call('HGET', KEYS[1], 'status') or ''
            if current ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'status', ARGV[2])
            if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'lastSeen', ARGV[3]) end
            return 1""", Long.class);

    /**
     * Everything {@link #read} needs of each user in one call on the shared connection (a pipeline would take a
     * connection of its own each time): per user the open connections, chosen status, last activity, shown status
     * and lastSeen. Missing values come back as false, so the flat reply keeps five entries per user.
     */
    @SuppressWarnings("rawtypes")
    private static final DefaultRedisScript<List> READ = new DefaultRedisScript<>("""
            local out = {}
            for i = 1, #KEYS, 4 do
              out[#out + 1] = redis.call('ZCOUNT', KEYS[i], ARGV[1], '+inf')
              out[#out + 1] = redis.call('GET', KEYS[i + 1])
              out[#out + 1] = redis.call('GET', KEYS[i + 2])
              local shown = redis.call('HMGET', KEYS[i + 3], 'status', 'lastSeen')
              out[#out + 1] = shown[1]
              out[#out + 1] = shown[2]
            end
            return out""", List.class);

    private final StringRedisTemplate redis;
    private final PresenceKeys keys;

    PresenceStore(StringRedisTemplate redis, PresenceKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    List<Snapshot> read(List<UUID> userIds, Instant now) {
        List<String> keyList = new ArrayList<>(userIds.size() * 4);
        for (UUID userId : userIds) {
            keyList.add(keys.connections(userId));
            keyList.add(keys.chosen(userId));
            keyList.add(keys.lastActive(userId));
            keyList.add(keys.shown(userId));
        }
        // deadlines are whole millis: "after now" is >= now + 1
        List<?> results = redis.execute(READ, keyList, Long.toString(now.toEpochMilli() + 1));
        List<Snapshot> snapshots = new ArrayList<>(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            int at = i * 5;
            Long open = (Long) results.get(at);
            snapshots.add(new Snapshot(userIds.get(i), open != null && open > 0, ChosenStatus.stored((String) results.get(at + 1)),
                    millis((String) results.get(at + 2)), (String) results.get(at + 3), millis((String) results.get(at + 4))));
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
