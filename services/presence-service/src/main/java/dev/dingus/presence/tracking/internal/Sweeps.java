package dev.dingus.presence.tracking.internal;

import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.core.PresenceProperties;
import dev.dingus.presence.status.PresenceEvaluator;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: users whose heartbeat deadline passed (a node died or a disconnect report was lost) and
 * users whose idle check is due. Both look only at due entries of a sorted set, never at all users; each
 * handled entry moves past now or leaves the set, so a round always ends.
 */
@Component
class Sweeps {
    private static final Logger log = LoggerFactory.getLogger(Sweeps.class);
    /** Upper bound of batches per round, so one round cannot run forever while Redis keeps changing. */
    private static final int MAX_BATCHES = 100;

    private final HeartbeatDeadlines deadlines;
    private final PresenceEvaluator presence;
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final PresenceProperties props;

    Sweeps(HeartbeatDeadlines deadlines, PresenceEvaluator presence, StringRedisTemplate redis, PresenceKeys keys,
            PresenceProperties props) {
        this.deadlines = deadlines;
        this.presence = presence;
        this.redis = redis;
        this.keys = keys;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "${dingus.presence.sweep-interval:5s}", initialDelayString = "${dingus.presence.sweep-interval:5s}")
    void sweep() {
        try {
            expireHeartbeats();
            checkIdle();
        } catch (RuntimeException e) {
            log.warn("Presence sweep failed, trying again next round: {}", e.toString());
        }
    }

    void expireHeartbeats() {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Instant now = Instant.now();
            Set<String> due = deadlines.due(now, props.sweepBatch());
            if (due == null || due.isEmpty()) {
                return;
            }
            for (String id : due) {
                UUID userId = UUID.fromString(id);
                long lastDeadline = deadlines.expire(userId, now);
                if (lastDeadline >= 0) {
                    // the last heartbeat was one TTL before the deadline it set
                    Instant lastSeen = lastDeadline > 0
                            ? Instant.ofEpochMilli(lastDeadline).minus(props.heartbeatTtl()) : now;
                    presence.evaluate(userId, lastSeen);
                }
            }
            if (due.size() < props.sweepBatch()) {
                return;
            }
        }
    }

    void checkIdle() {
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Set<String> due = redis.opsForZSet().rangeByScore(keys.idleChecks(), Double.NEGATIVE_INFINITY,
                    Instant.now().toEpochMilli(), 0, props.sweepBatch());
            if (due == null || due.isEmpty()) {
                return;
            }
            // evaluating reschedules the check past now (or drops it), see PresenceEvaluator
            due.forEach(id -> presence.evaluate(UUID.fromString(id), null));
            if (due.size() < props.sweepBatch()) {
                return;
            }
        }
    }
}
