package dev.dingus.rooms.core;

/** The three kinds of room; {@link #wire()} is the name used in JSON, SQL and events. */
public enum Kind {
    PUBLIC, PRIVATE, DM;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
