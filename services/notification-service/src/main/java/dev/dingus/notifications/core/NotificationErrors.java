package dev.dingus.notifications.core;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;

/** The feature codes of notification-service (documented in its OpenAPI description) and their exceptions. */
public final class NotificationErrors {
    private NotificationErrors() {}

    public static final String NOTIFICATION_NOT_FOUND = "notification_not_found";
    public static final String TOO_MANY_MUTES = "too_many_mutes";

    public static ApiException notificationNotFound() {
        return ApiException.notFound(NOTIFICATION_NOT_FOUND, "No such notification.");
    }

    public static ApiException roomNotFound() {
        return ApiException.notFound(ErrorCodes.ROOM_NOT_FOUND, "No such room.");
    }

    public static ApiException notASystemAdmin() {
        return ApiException.forbidden("Only system admins may send system alerts.");
    }

    public static ApiException tooManyMutes(int max) {
        return ApiException.conflict(TOO_MANY_MUTES, "At most " + max + " rooms can be muted; unmute one first.");
    }
}
