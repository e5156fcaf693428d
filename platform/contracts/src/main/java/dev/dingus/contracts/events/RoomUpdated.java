package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code room.updated}: the settings after the change. */
public record RoomUpdated(UUID roomId, String kind, String name, String topic, String postPolicy, UUID updatedBy) {}
