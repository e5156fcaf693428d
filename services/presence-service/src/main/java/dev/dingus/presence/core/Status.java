package dev.dingus.presence.core;

import java.util.Locale;

/** What others see: {@code online}, {@code away}, {@code dnd} (do not disturb) or {@code offline}. */
public enum Status {
    ONLINE, AWAY, DND, OFFLINE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status fromWire(String value) {
        if (value == null || value.isEmpty()) {
            return OFFLINE;
        }
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
