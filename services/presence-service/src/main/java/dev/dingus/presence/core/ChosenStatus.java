package dev.dingus.presence.core;

import java.util.Locale;
import java.util.Optional;

/** What a user may set: {@code online} (automatic: online, away when idle), {@code away}, {@code dnd}, {@code invisible}. */
public enum ChosenStatus {
    ONLINE, AWAY, DND, INVISIBLE;

    public static final String WIRE_VALUES = "online|away|dnd|invisible";

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty for anything that is not one of the four values (case-insensitive). */
    public static Optional<ChosenStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ChosenStatus s : values()) {
            if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A stored value; unknown or absent means automatic. */
    public static ChosenStatus stored(String value) {
        return parse(value).orElse(ONLINE);
    }
}
