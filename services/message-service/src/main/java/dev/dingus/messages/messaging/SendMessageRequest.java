package dev.dingus.messages.messaging;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/rooms/{roomId}/messages}. Content rules answer with their own codes, see the API description. */
public record SendMessageRequest(
        @Schema(description = "1–4000 characters after trimming", requiredMode = Schema.RequiredMode.REQUIRED) String content,
        @Schema(description = "the client's own id; a resend with the same one returns the original (at most 128 characters)")
        String clientMsgId) {}
