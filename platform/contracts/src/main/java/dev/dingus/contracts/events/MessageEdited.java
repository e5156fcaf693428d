package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code message.edited}. */
public record MessageEdited(UUID messageId, UUID roomId, long seq, UUID senderId, Instant editedAt) {}
