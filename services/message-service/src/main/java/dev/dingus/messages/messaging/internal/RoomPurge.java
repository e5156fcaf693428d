package dev.dingus.messages.messaging.internal;

import dev.dingus.messages.membership.RoomDeletion;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@code room.deleted}: the room's messages and counter go with it, and so does its cached page. */
@Component
class RoomPurge implements RoomDeletion {
    private final MessageStore store;
    private final LatestPageCache cache;

    RoomPurge(MessageStore store, LatestPageCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public void purge(UUID roomId) {
        store.purgeRoom(roomId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.drop(roomId);
                }
            });
        } else {
            cache.drop(roomId);
        }
    }
}
