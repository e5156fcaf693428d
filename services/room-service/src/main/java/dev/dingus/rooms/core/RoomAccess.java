package dev.dingus.rooms.core;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Loads a room as seen by one user and applies the visibility rule: public rooms are visible to everyone,
 * private rooms and DMs only to their members (to anyone else they do not exist: 404, no existence leak).
 */
@Component
public class RoomAccess {
    private final Rooms rooms;
    private final Memberships memberships;

    public RoomAccess(Rooms rooms, Memberships memberships) {
        this.rooms = rooms;
        this.memberships = memberships;
    }

    /** For reading: no lock. */
    public RoomContext read(UUID roomId, UUID userId) {
        return visible(rooms.find(roomId).orElseThrow(RoomErrors::roomNotFound), userId);
    }

    /** For changing: locks the room until the transaction ends, so concurrent changes to one room queue up. */
    public RoomContext change(UUID roomId, UUID userId) {
        return visible(rooms.findForUpdate(roomId).orElseThrow(RoomErrors::roomNotFound), userId);
    }

    private RoomContext visible(RoomRow room, UUID userId) {
        Role role = memberships.find(room.id(), userId).map(MemberRow::role).orElse(null);
        if (role == null && room.kind() != Kind.PUBLIC) {
            throw RoomErrors.roomNotFound();
        }
        return new RoomContext(room, userId, role);
    }
}
