package dev.dingus.rooms.core;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Size limits ({@code dingus.rooms.*}): members per room, and rooms (DMs included) a user may belong to.
 * Stated in the OpenAPI document, enforced on create, join, invite and DM. Unset (0) means the default.
 */
@ConfigurationProperties("dingus.rooms")
public record RoomLimits(int maxMembersPerRoom, int maxRoomsPerUser) {
    public static final int DEFAULT_MAX_MEMBERS_PER_ROOM = 1000;
    public static final int DEFAULT_MAX_ROOMS_PER_USER = 500;

    public RoomLimits {
        if (maxMembersPerRoom == 0) maxMembersPerRoom = DEFAULT_MAX_MEMBERS_PER_ROOM;
        if (maxRoomsPerUser == 0) maxRoomsPerUser = DEFAULT_MAX_ROOMS_PER_USER;
        if (maxMembersPerRoom < 2) {
            throw new IllegalArgumentException("dingus.rooms.max-members-per-room must be at least 2 (a DM has two members)");
        }
        if (maxRoomsPerUser < 1) {
            throw new IllegalArgumentException("dingus.rooms.max-rooms-per-user must be at least 1");
        }
    }
}
