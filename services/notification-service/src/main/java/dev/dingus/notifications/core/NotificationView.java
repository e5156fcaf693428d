package dev.dingus.notifications.core;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** {@code Notification} of docs/api.md: what the list answers and what the {@code notification} socket event carries. */
@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        @Schema(allowableValues = {"dm", "mention", "invitation", "friend_request", "friend_accepted", "system"}) String kind,
        String title,
        @Schema(nullable = true, description = "message preview or alert text; null when there is none (or the message was deleted or edited)")
        String body,
        @Schema(nullable = true) UUID roomId,
        @Schema(nullable = true, description = "who caused it") UUID actorId,
        Instant createdAt,
        @Schema(nullable = true) Instant readAt) {}
