package dev.dingus.notifications.inbox;

import dev.dingus.notifications.core.NotificationKind;
import java.util.UUID;

/**
 * What one event tells its recipients. {@code sourceEventId} with the recipient is the uniqueness key, so a
 * redelivered event makes nothing new.
 */
public record NewNotification(NotificationKind kind, String title, String body, UUID roomId, UUID actorId,
        UUID messageId, UUID sourceEventId) {}
