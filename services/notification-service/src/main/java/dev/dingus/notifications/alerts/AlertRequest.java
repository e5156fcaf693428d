package dev.dingus.notifications.alerts;

import dev.dingus.contracts.text.TextRules;
import dev.dingus.notifications.core.Limits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** {@code POST /api/v1/notifications/system-alerts}; without {@code roomId} the alert goes to everyone. */
public record AlertRequest(
        @NotBlank @Size(max = Limits.ALERT_TITLE_MAX)
        @Pattern(regexp = TextRules.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String title,
        @NotBlank @Size(max = Limits.ALERT_BODY_MAX)
        @Pattern(regexp = Limits.MULTILINE_TEXT, message = "must not contain control characters except line breaks and tabs")
        String body,
        @Schema(nullable = true, description = "only the members of this room; absent: every user") UUID roomId) {}
