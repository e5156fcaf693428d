package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code message.deleted}. */
public record MessageDeleted(UUID messageId, UUID roomId, long seq, UUID deletedBy) {}
