package dev.dingus.rooms.core;

/** A member's role; a higher rank may do everything a lower one may. */
public enum Role {
    MEMBER(0), ADMIN(1), OWNER(2);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    public boolean atLeast(Role other) {
        return rank >= other.rank;
    }

    public boolean outranks(Role other) {
        return rank > other.rank;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
