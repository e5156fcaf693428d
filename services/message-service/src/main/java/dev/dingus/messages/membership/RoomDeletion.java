package dev.dingus.messages.membership;

import java.util.UUID;

/** Features that keep data per room remove it here, inside the transaction that handles {@code room.deleted}. */
public interface RoomDeletion {
    void purge(UUID roomId);
}
