package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code system.alert}: sent by a system admin to everyone ({@code roomId} null) or to one room. */
public record SystemAlert(UUID alertId, UUID senderId, String title, String body, UUID roomId) {}
