package dev.dingus.presence.status;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** {@code Presence} of docs/api.md. */
@Schema(name = "Presence")
public record PresenceView(
        UUID userId,
        @Schema(allowableValues = {"online", "away", "dnd", "offline"}) String status,
        @Schema(description = "when the user was last visible; only for offline users, null if never seen", nullable = true)
        Instant lastSeen,
        @Schema(description = "last activity (message sent, activity ping, connect); null for offline users", nullable = true)
        Instant lastActive) {}
