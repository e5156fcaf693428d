package dev.dingus.notifications.mutes;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A room's mute setting for the caller. */
public record MuteView(UUID roomId, boolean muted, @Schema(nullable = true) Instant mutedAt) {}
