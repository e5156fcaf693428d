package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.member.role_changed}. */
public record RoomMemberRoleChanged(UUID roomId, UUID userId, String role, UUID actorId) {}
