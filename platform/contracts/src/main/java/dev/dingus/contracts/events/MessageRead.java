package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code message.read}: {@code userId} has read {@code roomId} up to {@code seq}. */
public record MessageRead(UUID roomId, UUID userId, long seq) {}
