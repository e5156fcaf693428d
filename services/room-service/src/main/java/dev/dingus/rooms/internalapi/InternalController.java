package dev.dingus.rooms.internalapi;

import dev.dingus.rooms.core.ItemsView;
import dev.dingus.rooms.core.MemberRow;
import dev.dingus.rooms.core.Memberships;
import dev.dingus.rooms.core.RoomErrors;
import dev.dingus.rooms.core.RoomRow;
import dev.dingus.rooms.core.Rooms;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reached only with {@code X-Dingus-Service-Token} (platform-web's ServiceTokenFilter guards {@code /internal/**}). */
@RestController
@RequestMapping("/internal")
public class InternalController {
    private final Rooms rooms;
    private final Memberships memberships;

    public InternalController(Rooms rooms, Memberships memberships) {
        this.rooms = rooms;
        this.memberships = memberships;
    }

    /** 404 room_not_found when the room does not exist; otherwise whether the user is in it, and how. */
    @GetMapping("/rooms/{roomId}/members/{userId}")
    public MembershipAnswer membership(@PathVariable UUID roomId, @PathVariable UUID userId) {
        RoomRow room = rooms.find(roomId).orElseThrow(RoomErrors::roomNotFound);
        String role = memberships.find(roomId, userId).map(MemberRow::role).map(r -> r.wire()).orElse(null);
        return new MembershipAnswer(role != null, role, room.kind().wire(), room.postPolicy().wire());
    }

    @GetMapping("/users/{userId}/rooms")
    public ItemsView<UserRoom> roomsOf(@PathVariable UUID userId) {
        return new ItemsView<>(memberships.roomsOf(userId).stream()
                .map(r -> new UserRoom(r.room().id(), r.room().kind().wire(), r.role().wire(), r.room().postPolicy().wire()))
                .toList());
    }
}
