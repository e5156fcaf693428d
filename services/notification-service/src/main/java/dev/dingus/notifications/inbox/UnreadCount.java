package dev.dingus.notifications.inbox;

/** {@code {unread}}: my unread notifications. */
public record UnreadCount(long unread) {}
