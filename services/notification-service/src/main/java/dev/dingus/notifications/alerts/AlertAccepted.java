package dev.dingus.notifications.alerts;

import java.util.UUID;

/** The alert was recorded; its notifications are being written. */
public record AlertAccepted(UUID alertId) {}
