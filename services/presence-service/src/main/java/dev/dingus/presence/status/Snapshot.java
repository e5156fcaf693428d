package dev.dingus.presence.status;

import dev.dingus.presence.core.ChosenStatus;
import dev.dingus.presence.core.Status;
import java.time.Instant;
import java.util.UUID;

/**
 * One user's presence inputs as read from Redis at one moment.
 *
 * @param shownRaw the stored visible status as stored ({@code null} when none was ever stored)
 * @param lastSeen when the user last turned offline for others, null if never
 */
record Snapshot(UUID userId, boolean connected, ChosenStatus chosen, Instant lastActive, String shownRaw, Instant lastSeen) {
    Status shown() {
        return Status.fromWire(shownRaw);
    }
}
