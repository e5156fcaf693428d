package dev.dingus.notifications.mutes;

import jakarta.validation.constraints.NotNull;

/** {@code PUT /api/v1/notifications/mutes/{roomId}}. */
public record MuteRequest(@NotNull Boolean muted) {}
