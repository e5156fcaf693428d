package dev.dingus.rooms.room;

import dev.dingus.platform.web.security.AuthenticatedUser;
import dev.dingus.rooms.core.ItemsView;
import dev.dingus.rooms.core.RoomView;
import dev.dingus.rooms.room.internal.RoomService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rooms")
@Tag(name = "rooms")
public class RoomController {
    private final RoomService rooms;

    public RoomController(RoomService rooms) {
        this.rooms = rooms;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a public or private room; the caller becomes its owner",
            description = "409 too_many_rooms when the caller already belongs to the most rooms allowed.")
    public RoomView create(AuthenticatedUser user, @Valid @RequestBody CreateRoomRequest request) {
        return rooms.create(user.id(), request);
    }

    @GetMapping
    @Operation(summary = "My rooms (all kinds, DMs included) with my role, member count and kind")
    public ItemsView<RoomView> mine(AuthenticatedUser user) {
        return new ItemsView<>(rooms.mine(user.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A room: members see it; public rooms anyone. Otherwise 404 room_not_found")
    public RoomView get(AuthenticatedUser user, @PathVariable UUID id) {
        return rooms.get(user.id(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change name, topic, kind (public/private) or who may post (admins and the owner)",
            description = "403 forbidden for members and for DMs; 404 when the caller may not see the room.")
    public RoomView update(AuthenticatedUser user, @PathVariable UUID id, @Valid @RequestBody UpdateRoomRequest request) {
        return rooms.update(user.id(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a room (owner only); its members are told through room.deleted")
    public void delete(AuthenticatedUser user, @PathVariable UUID id) {
        rooms.delete(user.id(), id);
    }
}
