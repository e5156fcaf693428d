package dev.dingus.notifications.core;

import java.util.List;

/** A page of notifications, newest first, with the caller's unread count. */
public record PageView<T>(List<T> items, int page, int size, long total, long unreadCount) {}
