package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.created}. */
public record RoomCreated(UUID roomId, String kind, String name, String postPolicy, UUID ownerId, Instant createdAt) {}
