package dev.dingus.rooms.dm;

import dev.dingus.rooms.core.RoomView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** One of my DMs, with the other user's id. */
@Schema(name = "Dm")
public record DmView(RoomView room, UUID otherUserId) {}
