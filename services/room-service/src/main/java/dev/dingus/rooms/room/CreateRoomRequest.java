package dev.dingus.rooms.room;

import dev.dingus.rooms.core.RoomTexts;
import dev.dingus.rooms.core.ValidRoomName;
import dev.dingus.rooms.core.ValidTopic;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code POST /api/v1/rooms}. DMs are made by {@code POST /api/v1/dms}, not here. */
@Schema(name = "CreateRoomRequest")
public record CreateRoomRequest(
        @Schema(description = RoomTexts.NAME_RULE, minLength = 1, maxLength = RoomTexts.NAME_MAX, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @ValidRoomName String name,
        @Schema(description = RoomTexts.TOPIC_RULE, maxLength = RoomTexts.TOPIC_MAX, nullable = true)
        @ValidTopic String topic,
        @Schema(allowableValues = {"public", "private"}, requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Pattern(regexp = "public|private", message = "must be public or private") String kind,
        @Schema(allowableValues = {"everyone", "admins"}, defaultValue = "everyone", nullable = true)
        @Pattern(regexp = "everyone|admins", message = "must be everyone or admins") String postPolicy) {}
