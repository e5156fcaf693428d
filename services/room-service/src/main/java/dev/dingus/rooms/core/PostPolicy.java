package dev.dingus.rooms.core;

/** Who may post in a room: every member, or admins and the owner only. */
public enum PostPolicy {
    EVERYONE, ADMINS;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PostPolicy fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
