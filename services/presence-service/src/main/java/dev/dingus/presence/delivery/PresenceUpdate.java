package dev.dingus.presence.delivery;

import java.time.Instant;
import java.util.UUID;

/** Payload of the Socket.IO event {@code presence_update}; {@code lastSeen} only for offline. */
public record PresenceUpdate(UUID userId, String status, Instant lastSeen) {}
