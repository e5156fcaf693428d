package dev.dingus.rooms.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A room as one user sees it. */
@Schema(name = "Room", description = "A room as the caller sees it.")
public record RoomView(
        UUID id,
        @Schema(description = "null for DMs", nullable = true) String name,
        @Schema(nullable = true) String topic,
        @Schema(allowableValues = {"public", "private", "dm"}) String kind,
        @Schema(allowableValues = {"everyone", "admins"}) String postPolicy,
        @Schema(description = "null for DMs", nullable = true) UUID ownerId,
        int memberCount,
        @Schema(allowableValues = {"owner", "admin", "member"}, nullable = true,
                description = "the caller's role; null when the caller is not a member (public rooms)") String myRole,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "the other user of a DM; null for other rooms", nullable = true) UUID otherUserId) {

    public static RoomView of(RoomRow room, Role myRole, UUID viewer) {
        return new RoomView(room.id(), room.name(), room.topic(), room.kind().wire(), room.postPolicy().wire(),
                room.ownerId(), room.memberCount(), myRole == null ? null : myRole.wire(), room.createdAt(),
                room.updatedAt(), room.otherUserOf(viewer));
    }
}
