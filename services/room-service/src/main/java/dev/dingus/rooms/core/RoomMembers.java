package dev.dingus.rooms.core;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The membership changes more than one feature makes (adding a member, deleting a room), each with its
 * count bookkeeping and its event. Callers hold the room's lock and have checked access and limits.
 */
@Component
public class RoomMembers {
    private final Rooms rooms;
    private final Memberships memberships;
    private final RoomEvents events;

    public RoomMembers(Rooms rooms, Memberships memberships, RoomEvents events) {
        this.rooms = rooms;
        this.memberships = memberships;
        this.events = events;
    }

    public MemberRow add(RoomRow room, UUID userId, Role role, String via, UUID actor) {
        MemberRow member = memberships.insert(room.id(), userId, role, Times.now());
        rooms.adjustMemberCount(room.id(), 1);
        events.memberAdded(room, member, via, actor);
        return member;
    }

    /** Deletes the room with its memberships; {@code room.deleted} names the members it had. */
    public void deleteRoom(RoomRow room, UUID actor) {
        List<UUID> members = memberships.memberIds(room.id());
        rooms.delete(room.id());
        events.deleted(room, actor, members);
    }
}
