package dev.dingus.rooms.room;

import dev.dingus.rooms.core.RoomTexts;
import dev.dingus.rooms.core.ValidRoomName;
import dev.dingus.rooms.core.ValidTopic;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PATCH /api/v1/rooms/{id}}: absent (or null) fields stay as they are; an empty topic clears it. */
@Schema(name = "UpdateRoomRequest")
public record UpdateRoomRequest(
        @Schema(description = RoomTexts.NAME_RULE, minLength = 1, maxLength = RoomTexts.NAME_MAX, nullable = true)
        @ValidRoomName String name,
        @Schema(description = RoomTexts.TOPIC_RULE, maxLength = RoomTexts.TOPIC_MAX, nullable = true)
        @ValidTopic String topic,
        @Schema(allowableValues = {"public", "private"}, nullable = true)
        @Pattern(regexp = "public|private", message = "must be public or private") String kind,
        @Schema(allowableValues = {"everyone", "admins"}, nullable = true)
        @Pattern(regexp = "everyone|admins", message = "must be everyone or admins") String postPolicy) {}
