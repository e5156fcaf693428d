package dev.dingus.rooms.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** PostgreSQL keeps microseconds: answers built before and after a read must show the same instant. */
public final class Times {
    private Times() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
