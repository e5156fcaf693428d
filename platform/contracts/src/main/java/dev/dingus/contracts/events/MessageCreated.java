package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of {@code message.created}; {@code mentions} are the @usernames found in the content (lower case). */
public record MessageCreated(UUID messageId, UUID roomId, String roomKind, long seq, UUID senderId, String senderUsername, String content, List<String> mentions, Instant createdAt) {}
