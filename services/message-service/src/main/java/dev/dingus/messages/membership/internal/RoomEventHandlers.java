package dev.dingus.messages.membership.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomCreated;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.RoomMemberRoleChanged;
import dev.dingus.contracts.events.RoomUpdated;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.Fanout;
import dev.dingus.messages.membership.RoomDeletion;
import dev.dingus.messages.membership.internal.MembershipChanges.Type;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rebuilds who may read and post where from room-service's events. Each handler runs in the transaction that
 * records the event as processed (platform-events), so a redelivered event changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class RoomEventHandlers {
    private final MembershipStore store;
    private final MembershipChanges changes;
    private final ObjectProvider<RoomDeletion> deletions;
    private final ObjectProvider<Fanout> fanout;
    private final RoomPurger purger;

    RoomEventHandlers(MembershipStore store, MembershipChanges changes, ObjectProvider<RoomDeletion> deletions,
            ObjectProvider<Fanout> fanout, RoomPurger purger) {
        this.store = store;
        this.changes = changes;
        this.deletions = deletions;
        this.fanout = fanout;
        this.purger = purger;
    }

    @Bean
    EventHandler<RoomCreated> roomCreated() {
        return handler(EventTypes.ROOM_CREATED, RoomCreated.class, (e, env) -> {
            store.upsertRoom(e.roomId(), e.kind(), e.postPolicy());
            changes.afterCommit(Type.ROOM_CHANGED, e.roomId(), null);
        });
    }

    @Bean
    EventHandler<RoomUpdated> roomUpdated() {
        return handler(EventTypes.ROOM_UPDATED, RoomUpdated.class, (e, env) -> {
            store.upsertRoom(e.roomId(), e.kind(), e.postPolicy());
            changes.afterCommit(Type.ROOM_CHANGED, e.roomId(), null);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("roomId", e.roomId());
            payload.put("name", e.name());
            payload.put("topic", e.topic());
            payload.put("kind", e.kind());
            payload.put("postPolicy", e.postPolicy());
            afterCommit(() -> fanout.getObject().toRoom(e.roomId(), SocketEvents.ROOM_UPDATED, payload));
        });
    }

    @Bean
    EventHandler<RoomDeleted> roomDeleted() {
        return handler(EventTypes.ROOM_DELETED, RoomDeleted.class, (e, env) -> {
            deletions.orderedStream().forEach(d -> d.roomDeleted(e.roomId()));
            // The room's rows (millions, maybe) go later, in the purger's batches; access ends here, with the room.
            purger.schedule(e.roomId());
            store.deleteRoom(e.roomId());
            changes.afterCommit(Type.ROOM_DELETED, e.roomId(), null);
            List<UUID> members = e.memberIds() == null ? List.of() : e.memberIds();
            Map<String, Object> payload = Map.of("roomId", e.roomId());
            afterCommit(() -> members.forEach(m -> fanout.getObject().toUser(m, SocketEvents.ROOM_DELETED, payload)));
        });
    }

    @Bean
    EventHandler<RoomMemberAdded> memberAdded() {
        return handler(EventTypes.ROOM_MEMBER_ADDED, RoomMemberAdded.class, (e, env) -> {
            store.upsertRoom(e.roomId(), e.kind(), e.postPolicy());
            store.upsertMember(e.roomId(), e.userId(), e.role());
            changes.afterCommit(Type.MEMBER_CHANGED, e.roomId(), e.userId());
        });
    }

    @Bean
    EventHandler<RoomMemberRemoved> memberRemoved() {
        return handler(EventTypes.ROOM_MEMBER_REMOVED, RoomMemberRemoved.class, (e, env) -> {
            store.removeMember(e.roomId(), e.userId());
            changes.afterCommit(Type.MEMBER_REMOVED, e.roomId(), e.userId());
        });
    }

    @Bean
    EventHandler<RoomMemberRoleChanged> memberRoleChanged() {
        return handler(EventTypes.ROOM_MEMBER_ROLE_CHANGED, RoomMemberRoleChanged.class, (e, env) -> {
            store.upsertMember(e.roomId(), e.userId(), e.role());
            changes.afterCommit(Type.MEMBER_CHANGED, e.roomId(), e.userId());
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static <T> EventHandler<T> handler(String type, Class<T> payloadType, BiConsumer<T, EventEnvelope> body) {
        return new EventHandler<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> payloadType() {
                return payloadType;
            }

            @Override
            public void handle(T payload, EventEnvelope envelope) {
                body.accept(payload, envelope);
            }
        };
    }
}
