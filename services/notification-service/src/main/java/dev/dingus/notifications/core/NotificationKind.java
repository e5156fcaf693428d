package dev.dingus.notifications.core;

import java.util.Locale;

/** {@code dm | mention | invitation | friend_request | friend_accepted | system}. */
public enum NotificationKind {
    DM, MENTION, INVITATION, FRIEND_REQUEST, FRIEND_ACCEPTED, SYSTEM;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
