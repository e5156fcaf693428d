package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.deleted}: {@code memberIds} are the members at deletion time. */
public record RoomDeleted(UUID roomId, String kind, UUID deletedBy, List<UUID> memberIds) {}
