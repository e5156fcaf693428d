package dev.dingus.presence.tracking.internal;

import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.status.PresenceEvaluator;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles message-service's connect/disconnect reports. A connect makes the user known, counts as activity and
 * makes sure the user's heartbeat deadline covers the socket, so a node that dies right after a connect still
 * lets the user expire (message-service adds the deadline itself; a node that does not is covered too).
 * Reports are hints: the decision reads the connection set.
 */
@Component
class SocketReports implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(SocketReports.class);

    /**
     * The writes of a connect in one round trip (they were four: a reconnect storm after a node restart sends
     * thousands). KEYS: known users, the user's connections, the deadlines, the user's last activity; ARGV: user
     * id, the socket's member, now (epoch millis, as {@code PresenceEvaluator.activity} records it).
     */
    private static final RedisScript<Long> CONNECTED = RedisScript.of("""
            redis.call('SADD', KEYS[1], ARGV[1])
            local deadline = redis.call('ZSCORE', KEYS[2], ARGV[2])
            if deadline then redis.call('ZADD', KEYS[3], 'GT', deadline, ARGV[1]) end
            redis.call('SET', KEYS[4], ARGV[3])
            return 1""", Long.class);

    private final PresenceEvaluator presence;
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final JsonMapper json;

    SocketReports(PresenceEvaluator presence, StringRedisTemplate redis, PresenceKeys keys, JsonMapper json) {
        this.presence = presence;
        this.redis = redis;
        this.keys = keys;
        this.json = json;
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        SocketReport report;
        try {
            report = json.readValue(message.getBody(), SocketReport.class);
        } catch (JacksonException e) {
            log.warn("Ignoring an unreadable presence report: {}", e.getOriginalMessage());
            return;
        }
        if (report.userId() == null) {
            return;
        }
        try {
            handle(report);
        } catch (RuntimeException e) {
            // the expiry sweep and the next report repair what this one could not do
            log.warn("Presence report for user {} not applied: {}", report.userId(), e.toString());
        }
    }

    void handle(SocketReport report) {
        if (report.isConnect()) {
            UUID userId = report.userId();
            redis.execute(CONNECTED, List.of(keys.knownUsers(), keys.connections(userId), keys.deadlines(), keys.lastActive(userId)),
                    userId.toString(), report.nodeId() + ":" + report.socketId(), Long.toString(System.currentTimeMillis()));
            presence.evaluate(userId, null);
        } else if (report.isDisconnect()) {
            presence.evaluate(report.userId(), report.when());
        }
    }
}
