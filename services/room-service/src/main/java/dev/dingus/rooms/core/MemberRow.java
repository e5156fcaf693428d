package dev.dingus.rooms.core;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code memberships}. */
public record MemberRow(UUID roomId, UUID userId, Role role, Instant joinedAt) {}
