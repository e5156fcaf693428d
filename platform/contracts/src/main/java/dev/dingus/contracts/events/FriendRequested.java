package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code friend.requested}: {@code fromUserId} asked {@code toUserId}. */
public record FriendRequested(UUID fromUserId, String fromUsername, UUID toUserId) {}
