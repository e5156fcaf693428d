package dev.dingus.rooms.core;

import dev.dingus.platform.web.errors.ApiException;
import java.util.UUID;

/** A room the caller may see, with the caller's role in it ({@code null} for a non-member of a public room). */
public record RoomContext(RoomRow room, UUID userId, Role role) {

    public boolean isMember() {
        return role != null;
    }

    /** 403 unless the caller holds at least {@code minimum}; {@code action} completes "Only ... may ...". */
    public RoomContext require(Role minimum, String action) {
        if (role == null || !role.atLeast(minimum)) {
            String who = switch (minimum) {
                case OWNER -> "the owner";
                case ADMIN -> "admins and the owner";
                case MEMBER -> "members";
            };
            throw ApiException.forbidden("Only " + who + " may " + action + ".");
        }
        return this;
    }

    /** DMs have no settings, roles or membership changes: they are exactly their two users. */
    public RoomContext requireNotDm(String action) {
        if (room.kind() == Kind.DM) {
            throw ApiException.forbidden("A direct conversation cannot " + action + ".");
        }
        return this;
    }
}
