package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code presence.changed}. */
public record PresenceChanged(UUID userId, String status, Instant lastSeen) {}
