package dev.dingus.presence.delivery;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.PresenceChanged;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.platform.events.EventPublisher;
import dev.dingus.presence.core.Status;
import dev.dingus.presence.relations.Audience;
import dev.dingus.socketio.redis.RedisEmitter;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces a decided change: one {@code presence_update} emit whose targets are the distinct
 * {@code user:<id>} of the audience, then {@code presence.changed} published with broker confirms (there is
 * no outbox without a database, see docs/adr/0010-presence.md). Publishing runs on its own thread so a slow
 * or absent RabbitMQ never holds up socket reports and sweeps; a failed publish is logged and dropped,
 * because the state itself stays in Redis and is answered over HTTP.
 */
@Component
public class PresenceBroadcaster {
    private static final Logger log = LoggerFactory.getLogger(PresenceBroadcaster.class);

    private final Audience audience;
    private final RedisEmitter emitter;
    private final EventPublisher events;
    private final ThreadPoolExecutor publishing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), Thread.ofVirtual().name("presence-changed-").factory(),
            (task, pool) -> log.warn("presence.changed backlog is full; dropping one event"));

    PresenceBroadcaster(Audience audience, RedisEmitter emitter, EventPublisher events) {
        this.audience = audience;
        this.emitter = emitter;
        this.events = events;
    }

    public void announce(UUID userId, Status status, Instant lastSeen) {
        Set<String> people = audience.of(userId);
        if (!people.isEmpty()) {
            String[] targets = people.stream().map(SocketEvents::userTarget).toArray(String[]::new);
            emitter.to(targets).emit(SocketEvents.PRESENCE_UPDATE, new PresenceUpdate(userId, status.wire(), lastSeen))
                    .whenComplete((nodes, failure) -> {
                        if (failure != null) {
                            log.warn("presence_update for user {} not fanned out: {}", userId, failure.toString());
                        }
                    });
        }
        PresenceChanged changed = new PresenceChanged(userId, status.wire(), lastSeen);
        publishing.execute(() -> {
            try {
                events.publishNow(EventTypes.PRESENCE_CHANGED, changed);
            } catch (RuntimeException e) {
                log.warn("presence.changed for user {} not published: {}", userId, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        publishing.shutdown();
        publishing.awaitTermination(5, TimeUnit.SECONDS);
    }
}
