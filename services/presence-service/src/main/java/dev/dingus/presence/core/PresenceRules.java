package dev.dingus.presence.core;

import java.time.Duration;
import java.time.Instant;

/** The one place that decides what others see. Pure, so it is tested without Redis. */
public final class PresenceRules {
    private PresenceRules() {}

    /**
     * @param connected any socket of the user has an unexpired deadline
     * @param chosen what the user set
     * @param lastActive last activity, null when none is recorded (any more)
     */
    public static Status visible(boolean connected, ChosenStatus chosen, Instant lastActive, Instant now, Duration idleAfter) {
        if (!connected) {
            return Status.OFFLINE;
        }
        return switch (chosen) {
            case INVISIBLE -> Status.OFFLINE;
            case DND -> Status.DND;
            case AWAY -> Status.AWAY;
            case ONLINE -> isIdle(lastActive, now, idleAfter) ? Status.AWAY : Status.ONLINE;
        };
    }

    /**
     * No recorded activity counts as idle: a connect records activity, and message-service's activity key
     * expires (after an hour) only when the user has long been idle.
     */
    public static boolean isIdle(Instant lastActive, Instant now, Duration idleAfter) {
        return lastActive == null || !lastActive.plus(idleAfter).isAfter(now);
    }
}
