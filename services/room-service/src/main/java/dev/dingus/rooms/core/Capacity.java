package dev.dingus.rooms.core;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enforces {@link RoomLimits} exactly, also under concurrency: a room's member count is checked under the
 * room's row lock; a user's room count under a transaction-scoped advisory lock on the user. Locks are
 * always taken room first, then users in id order, so two transactions never wait on each other in a circle.
 */
@Component
public class Capacity {
    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final RoomLimits limits;

    public Capacity(JdbcClient jdbc, Memberships memberships, RoomLimits limits) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.limits = limits;
    }

    /** The room (already locked by {@link RoomAccess#change}) must have room for one more member. */
    public void requireSeat(RoomRow lockedRoom) {
        if (lockedRoom.memberCount() >= limits.maxMembersPerRoom()) {
            throw ApiException.conflict(ErrorCodes.ROOM_FULL,
                    "The room is full: at most " + limits.maxMembersPerRoom() + " members.");
        }
    }

    /** Locks the given users for this transaction and checks each may belong to one more room. */
    public void requireRoomFor(UUID caller, UUID... users) {
        UUID[] sorted = users.clone();
        Arrays.sort(sorted, (a, b) -> a.toString().compareTo(b.toString()));
        for (UUID user : sorted) {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('room-service:user:' || ?::text, 0))")
                    .param(user.toString()).query((rs, n) -> 1).single();
        }
        for (UUID user : users) {
            if (memberships.countRoomsOf(user) >= limits.maxRoomsPerUser()) {
                String whose = user.equals(caller) ? "You are" : "That user is";
                throw ApiException.conflict(ErrorCodes.TOO_MANY_ROOMS,
                        whose + " already in the most rooms allowed (" + limits.maxRoomsPerUser() + ").");
            }
        }
    }
}
