package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code friend.removed}: the friendship between the two users ended. */
public record FriendRemoved(UUID userId, UUID otherUserId) {}
