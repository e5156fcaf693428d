package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code friend.accepted}: {@code accepterId} accepted the request of {@code requesterId}. */
public record FriendAccepted(UUID requesterId, UUID accepterId, String accepterUsername) {}
