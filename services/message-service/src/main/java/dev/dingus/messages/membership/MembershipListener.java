package dev.dingus.messages.membership;

import java.util.UUID;

/** Told on every node, right after a membership change was committed (by whichever node consumed the event). */
public interface MembershipListener {
    /** {@code userId} is no longer in {@code roomId}: its sockets must stop receiving the room at once. */
    void memberRemoved(UUID roomId, UUID userId);

    /** The room is gone with everything in it. */
    void roomDeleted(UUID roomId);
}
