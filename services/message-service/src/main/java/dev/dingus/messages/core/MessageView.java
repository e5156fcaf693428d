package dev.dingus.messages.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A message as clients see it (ARCHITECTURE §5; snake_case like the Socket.IO contract). A deleted message
 * is a tombstone: {@code deleted} true and empty {@code content}.
 */
public record MessageView(
        UUID id,
        @JsonProperty("room_id") UUID roomId,
        long seq,
        @JsonProperty("sender_id") UUID senderId,
        @JsonProperty("sender_username") String senderUsername,
        String content,
        @JsonProperty("client_msg_id") String clientMsgId,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("edited_at") String editedAt,
        boolean deleted) {
}
