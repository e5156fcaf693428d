package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.member.added}; {@code via} is create, join, invite or dm; {@code actorId} who caused it. */
public record RoomMemberAdded(UUID roomId, String kind, String roomName, UUID userId, String role, String via, UUID actorId, String postPolicy) {}
