package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.member.removed}; {@code reason} is leave, remove or room_deleted. */
public record RoomMemberRemoved(UUID roomId, String kind, UUID userId, String reason, UUID actorId) {}
