package dev.dingus.messages.messaging;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PATCH /api/v1/messages/{id}}. */
public record EditMessageRequest(
        @Schema(description = "1–4000 characters after trimming", requiredMode = Schema.RequiredMode.REQUIRED) String content) {}
