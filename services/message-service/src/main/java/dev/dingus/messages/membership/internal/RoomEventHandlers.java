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
import dev.dingus.platform.web.rooms.RoomMembershipClient;
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
 *
 * <p>A room's events can arrive out of order: the nodes of this service share one queue, and room-service's
 * instances relay their outboxes side by side (ADR 0001). Applied as they come, a late "added" after the removal
 * would let the removed member back in for good, and a late role change would undo a newer one. So a member event
 * says only whom to look at: what is stored is room-service's answer, asked after the event (and so after its
 * change) committed there, and the events of one room are applied one at a time across nodes. Whatever the order,
 * the last one applied leaves room-service's state after every change so far. Only when room-service cannot be
 * reached is the event's own content applied, as the best answer there is.
 */
@Configuration(proxyBeanMethods = false)
class RoomEventHandlers {
    private final MembershipStore store;
    private final RoomMembershipClient roomService;
    private final MembershipChanges changes;
    private final ObjectProvider<RoomDeletion> deletions;
    private final ObjectProvider<Fanout> fanout;
    private final RoomPurger purger;

    RoomEventHandlers(MembershipStore store, RoomMembershipClient roomService, MembershipChanges changes,
            ObjectProvider<RoomDeletion> deletions, ObjectProvider<Fanout> fanout, RoomPurger purger) {
        this.store = store;
        this.roomService = roomService;
        this.changes = changes;
        this.deletions = deletions;
        this.fanout = fanout;
        this.purger = purger;
    }

    @Bean
    EventHandler<RoomCreated> roomCreated() {
        return handler(EventTypes.ROOM_CREATED, RoomCreated.class, (e, env) -> storeRoom(e.roomId(),
                () -> store.upsertRoom(e.roomId(), e.kind(), e.postPolicy())));
    }

    @Bean
    EventHandler<RoomUpdated> roomUpdated() {
        return handler(EventTypes.ROOM_UPDATED, RoomUpdated.class, (e, env) -> {
            storeRoom(e.roomId(), () -> store.upsertRoom(e.roomId(), e.kind(), e.postPolicy()));
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
            store.lockRoom(e.roomId());
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
        return handler(EventTypes.ROOM_MEMBER_ADDED, RoomMemberAdded.class, (e, env) -> storeMembership(e.roomId(),
                e.userId(), () -> {
                    store.upsertRoom(e.roomId(), e.kind(), e.postPolicy());
                    store.upsertMember(e.roomId(), e.userId(), e.role());
                    changes.afterCommit(Type.MEMBER_CHANGED, e.roomId(), e.userId());
                }));
    }

    @Bean
    EventHandler<RoomMemberRemoved> memberRemoved() {
        return handler(EventTypes.ROOM_MEMBER_REMOVED, RoomMemberRemoved.class, (e, env) -> storeMembership(e.roomId(),
                e.userId(), () -> removed(e.roomId(), e.userId())));
    }

    @Bean
    EventHandler<RoomMemberRoleChanged> memberRoleChanged() {
        return handler(EventTypes.ROOM_MEMBER_ROLE_CHANGED, RoomMemberRoleChanged.class, (e, env) -> storeMembership(
                e.roomId(), e.userId(), () -> {
                    store.upsertMember(e.roomId(), e.userId(), e.role());
                    changes.afterCommit(Type.MEMBER_CHANGED, e.roomId(), e.userId());
                }));
    }

    /** Stores the room's current kind and post policy (a late update must not undo a newer one), as below. */
    private void storeRoom(UUID roomId, Runnable eventContent) {
        store.lockRoom(roomId);
        switch (roomService.membership(roomId, RoomMembershipClient.NOBODY)) {
            case RoomMembershipClient.Found(RoomMembershipClient.Membership m) -> store.upsertRoom(roomId, m.kind(), m.postPolicy());
            case RoomMembershipClient.RoomMissing missing -> { } // deleted since: nothing to bring back
            case RoomMembershipClient.Unavailable unavailable -> eventContent.run();
        }
        changes.afterCommit(Type.ROOM_CHANGED, roomId, null);
    }

    /**
     * Stores room-service's current answer about the member, under the room's lock; {@code eventContent} applies
     * the event itself when room-service cannot answer.
     */
    private void storeMembership(UUID roomId, UUID userId, Runnable eventContent) {
        store.lockRoom(roomId);
        switch (roomService.membership(roomId, userId)) {
            case RoomMembershipClient.Found(RoomMembershipClient.Membership m) when m.member() && m.role() != null -> {
                store.upsertRoom(roomId, m.kind(), m.postPolicy());
                store.upsertMember(roomId, userId, m.role());
                changes.afterCommit(Type.MEMBER_CHANGED, roomId, userId);
            }
            case RoomMembershipClient.Found(RoomMembershipClient.Membership m) -> removed(roomId, userId);
            // Deleted since: its room.deleted event removes the rest; no late event may bring the member back.
            case RoomMembershipClient.RoomMissing missing -> removed(roomId, userId);
            case RoomMembershipClient.Unavailable unavailable -> eventContent.run();
        }
    }

    private void removed(UUID roomId, UUID userId) {
        store.removeMember(roomId, userId);
        changes.afterCommit(Type.MEMBER_REMOVED, roomId, userId);
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
