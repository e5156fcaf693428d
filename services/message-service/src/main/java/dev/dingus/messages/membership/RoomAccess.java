package dev.dingus.messages.membership;

import java.util.UUID;

/** A member's standing in a room: its role and the room's kind and post policy. */
public record RoomAccess(UUID roomId, UUID userId, String kind, String postPolicy, String role) {

    public boolean isAdmin() {
        return "owner".equals(role) || "admin".equals(role);
    }

    /** Post policy {@code admins}: only the owner and admins post. */
    public boolean mayPost() {
        return !"admins".equals(postPolicy) || isAdmin();
    }
}
