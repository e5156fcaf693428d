package dev.dingus.messages.membership.internal;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import dev.dingus.messages.membership.MembershipListener;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a committed membership change effective on every node: RabbitMQ hands each room event to one node
 * only (competing consumers), so that node applies the change to its own cache and sockets and tells the
 * others on {@code <prefix>messages:membership}. Without Redis the change still applies locally; the other
 * nodes' caches expire within {@code dingus.messages.membership.cache-ttl}.
 */
@Component
public class MembershipChanges implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(MembershipChanges.class);

    enum Type { MEMBER_CHANGED, MEMBER_REMOVED, ROOM_CHANGED, ROOM_DELETED }

    /** What travels on the channel; {@code origin} names the node that already applied it. */
    record Change(String origin, Type type, UUID roomId, UUID userId) {}

    private final String origin;
    private final String channel;
    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final JsonMapper json;
    private final MembershipLookup lookup;
    private final ObjectProvider<MembershipListener> listeners;

    MembershipChanges(MessagesProperties props, RedisKeys keys, StringRedisTemplate redis, RedisGuard guard,
            JsonMapper json, MembershipLookup lookup, ObjectProvider<MembershipListener> listeners,
            RedisMessageListenerContainer container) {
        this.origin = props.nodeId() + ":" + UUID.randomUUID();
        this.channel = keys.membershipChannel();
        this.redis = redis;
        this.guard = guard;
        this.json = json;
        this.lookup = lookup;
        this.listeners = listeners;
        container.addMessageListener(this, new ChannelTopic(channel));
    }

    /** Announces the change once the current transaction commits (at once when there is none). */
    void afterCommit(Type type, UUID roomId, UUID userId) {
        Change change = new Change(origin, type, roomId, userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(change);
                }
            });
        } else {
            announce(change);
        }
    }

    private void announce(Change change) {
        apply(change);
        if (!guard.run(() -> redis.convertAndSend(channel, json.writeValueAsString(change)))) {
            log.warn("Could not tell the other nodes about a membership change in room {}: Redis is away", change.roomId());
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        Change change;
        try {
            change = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), Change.class);
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable membership change: {}", e.getMessage());
            return;
        }
        if (!origin.equals(change.origin())) {
            apply(change);
        }
    }

    private void apply(Change change) {
        switch (change.type()) {
            case MEMBER_CHANGED -> lookup.invalidate(change.roomId(), change.userId());
            case MEMBER_REMOVED -> {
                lookup.invalidate(change.roomId(), change.userId());
                listeners.orderedStream().forEach(l -> l.memberRemoved(change.roomId(), change.userId()));
            }
            case ROOM_CHANGED -> lookup.invalidateRoom(change.roomId());
            case ROOM_DELETED -> {
                lookup.invalidateRoom(change.roomId());
                listeners.orderedStream().forEach(l -> l.roomDeleted(change.roomId()));
            }
        }
    }
}
