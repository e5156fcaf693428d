package dev.dingus.notifications.delivery;

import dev.dingus.notifications.core.NotificationView;
import java.util.UUID;

/** A notification that was stored for {@code recipientId}. */
public record Delivered(UUID recipientId, NotificationView notification) {}
