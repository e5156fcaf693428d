package dev.dingus.presence.tracking.internal;

import dev.dingus.presence.core.PresenceKeys;
import dev.dingus.presence.status.PresenceEvaluator;
import dev.dingus.presence.users.KnownUsers;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles message-service's connect/disconnect reports. A connect counts as activity and makes sure the
 * user's heartbeat deadline is known (the node adds it only on its next refresh), so a node that dies right
 * after a connect still lets the user expire. Reports are hints: the decision reads the connection set.
 */
@Component
class SocketReports implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(SocketReports.class);

    private final PresenceEvaluator presence;
    private final KnownUsers users;
    private final HeartbeatDeadlines deadlines;
    private final StringRedisTemplate redis;
    private final PresenceKeys keys;
    private final JsonMapper json;

    SocketReports(PresenceEvaluator presence, KnownUsers users, HeartbeatDeadlines deadlines, StringRedisTemplate redis,
            PresenceKeys keys, JsonMapper json) {
        this.presence = presence;
        this.users = users;
        this.deadlines = deadlines;
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
            users.remember(report.userId());
            Double deadline = redis.opsForZSet().score(keys.connections(report.userId()),
                    report.nodeId() + ":" + report.socketId());
            if (deadline != null) {
                deadlines.extendTo(report.userId(), deadline);
            }
            presence.activity(report.userId(), Instant.now());
        } else if (report.isDisconnect()) {
            presence.evaluate(report.userId(), report.when());
        }
    }
}
