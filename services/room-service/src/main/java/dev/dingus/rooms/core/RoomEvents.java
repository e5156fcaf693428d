package dev.dingus.rooms.core;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomCreated;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.RoomMemberRoleChanged;
import dev.dingus.contracts.events.RoomUpdated;
import dev.dingus.platform.events.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Every change to rooms and memberships, as events in the outbox of the same transaction. Member events
 * carry enough (kind, role, post policy) that a consumer can rebuild who may read and post where from
 * them alone; {@code room.deleted} means "forget everything about this room".
 */
@Component
public class RoomEvents {
    /** {@code via} values of {@code room.member.added}. */
    public static final String VIA_CREATE = "create", VIA_JOIN = "join", VIA_INVITE = "invite", VIA_DM = "dm";
    /** {@code reason} values of {@code room.member.removed}. */
    public static final String REASON_LEAVE = "leave", REASON_REMOVE = "remove";

    private final Outbox outbox;

    public RoomEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(RoomRow room) {
        outbox.publish(EventTypes.ROOM_CREATED, new RoomCreated(room.id(), room.kind().wire(), room.name(),
                room.postPolicy().wire(), room.ownerId(), room.createdAt()));
    }

    public void updated(RoomRow room, UUID actor) {
        outbox.publish(EventTypes.ROOM_UPDATED, new RoomUpdated(room.id(), room.kind().wire(), room.name(), room.topic(),
                room.postPolicy().wire(), actor));
    }

    public void deleted(RoomRow room, UUID actor, List<UUID> memberIds) {
        outbox.publish(EventTypes.ROOM_DELETED, new RoomDeleted(room.id(), room.kind().wire(), actor, memberIds));
    }

    public void memberAdded(RoomRow room, MemberRow member, String via, UUID actor) {
        outbox.publish(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(room.id(), room.kind().wire(), room.name(),
                member.userId(), member.role().wire(), via, actor, room.postPolicy().wire()));
    }

    public void memberRemoved(RoomRow room, UUID userId, String reason, UUID actor) {
        outbox.publish(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(room.id(), room.kind().wire(), userId, reason, actor));
    }

    public void roleChanged(RoomRow room, UUID userId, Role role, UUID actor) {
        outbox.publish(EventTypes.ROOM_MEMBER_ROLE_CHANGED, new RoomMemberRoleChanged(room.id(), userId, role.wire(), actor));
    }
}
