package dev.dingus.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payload of {@code message.created}; {@code mentions} are the @usernames found in the content (lower case). */
public record MessageCreated(UUID messageId, UUID roomId, String roomKind, long seq, UUID senderId, String senderUsername, String content, List<String> mentions, Instant createdAt) {

    /** The AMQP headers it is published with: {@link EventTypes#HEADER_ROOM_KIND}, {@link EventTypes#HEADER_HAS_MENTIONS}. */
    public Map<String, String> amqpHeaders() {
        return Map.of(EventTypes.HEADER_ROOM_KIND, roomKind == null ? "" : roomKind,
                EventTypes.HEADER_HAS_MENTIONS, String.valueOf(mentions != null && !mentions.isEmpty()));
    }
}
