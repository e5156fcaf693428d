package dev.dingus.rooms.core;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code rooms}. For a DM, {@code dmUserLow}/{@code dmUserHigh} are its two users in canonical order. */
public record RoomRow(UUID id, Kind kind, String name, String topic, PostPolicy postPolicy, UUID ownerId,
        int memberCount, UUID dmUserLow, UUID dmUserHigh, Instant createdAt, Instant updatedAt) {

    /** The DM partner of {@code userId}; null for rooms that are not DMs. */
    public UUID otherUserOf(UUID userId) {
        if (kind != Kind.DM) {
            return null;
        }
        return userId.equals(dmUserLow) ? dmUserHigh : dmUserLow;
    }
}
