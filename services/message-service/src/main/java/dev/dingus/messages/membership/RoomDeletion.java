package dev.dingus.messages.membership;

import java.util.UUID;

/**
 * A feature that keeps data per room, and how that data goes when {@code room.deleted} arrives (ADR 0013).
 * {@link #roomDeleted} runs inside the event's transaction and must stay cheap (a room can hold millions of
 * rows); the rows themselves go later, in the room purger's batches. Access is refused at once anyway: the
 * room and its members are gone from the membership tables in that same transaction.
 */
public interface RoomDeletion {

    /** Inside the {@code room.deleted} transaction: cheap work only, e.g. dropping a cache after the commit. */
    default void roomDeleted(UUID roomId) {}

    /**
     * Deletes at most {@code limit} of the room's rows, in the purger's transaction, and says how many it deleted
     * or changed. The purger calls it again until it answers 0, which must mean that nothing of the room is left;
     * it may be called again after that (a late write, another node, a restart), so it must be idempotent.
     */
    int purgeBatch(UUID roomId, int limit);
}
