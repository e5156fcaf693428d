package dev.dingus.platform.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562): a millisecond timestamp first, then random bits. Ids of rows that are written
 * all the time and kept for long (events, messages) come from here. A B-tree on random ids takes each new row
 * on a random leaf page: with millions of rows most of those pages are not in memory, and after every
 * checkpoint the first change to each of them writes the whole page to the WAL. Time-ordered ids all land on
 * the rightmost pages. They are still unguessable (74 random bits each) and say no more than the row's creation
 * time, which clients see anyway (ADR 0018).
 */
public final class TimeOrderedIds {
    /** Random bits fresh for every id, also within one millisecond (the other generator counts up there). */
    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private TimeOrderedIds() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
