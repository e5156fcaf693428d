package dev.dingus.messages.messaging.internal;

import dev.dingus.messages.membership.RoomDeletion;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code room.deleted} for messages: the cached latest page goes right after the event's commit; the messages and
 * then the seq counter go in the room purger's batches, lowest seq first (ADR 0013).
 */
@Component
class RoomPurge implements RoomDeletion {
    /** Beyond this many remembered rooms the maps start afresh: forgetting only costs one slower batch. */
    private static final int MAX_REMEMBERED = 10_000;

    private final MessageStore store;
    private final LatestPageCache cache;
    /**
     * Where this node's last batch of each room ended. The next batch starts there instead of walking the index from
     * the room's first seq over the entries earlier batches left dead (millions in a big room, until vacuum). Only a
     * shortcut: a room is reported empty only after a scan from its first seq found nothing.
     */
    private final Map<UUID, Long> resumeAfter = new ConcurrentHashMap<>();
    /**
     * Rooms this node found without messages and counter. While the counter stays away they stay empty: a send stores
     * its messages and raises the counter in one transaction. So the purger's checks during the settle time need not
     * walk the dead entries again.
     */
    private final Set<UUID> foundEmpty = ConcurrentHashMap.newKeySet();

    RoomPurge(MessageStore store, LatestPageCache cache) {
        this.store = store;
        this.cache = cache;
    }

    @Override
    public void roomDeleted(UUID roomId) {
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

    @Override
    public int purgeBatch(UUID roomId, int limit) {
        if (foundEmpty.contains(roomId) && !store.hasSeqCounter(roomId)) {
            return 0;
        }
        foundEmpty.remove(roomId);
        Long after = resumeAfter.remove(roomId);
        MessageStore.PurgedMessages batch = store.deleteMessagesAfter(roomId, after == null ? 0 : after, limit);
        if (batch.count() == 0 && after != null) {
            // Nothing above the position: rows below it (a batch that rolled back) are found only from the start.
            batch = store.deleteMessagesAfter(roomId, 0, limit);
        }
        if (batch.count() > 0) {
            keepBounded(resumeAfter.keySet());
            resumeAfter.put(roomId, batch.lastSeq());
            return batch.count();
        }
        // The counter goes last: a send stored late numbers on above what is left instead of colliding with it.
        int counters = store.deleteSeqCounter(roomId);
        if (counters == 0) {
            keepBounded(foundEmpty);
            foundEmpty.add(roomId);
        }
        return counters;
    }

    private static void keepBounded(Set<UUID> rooms) {
        if (rooms.size() >= MAX_REMEMBERED) {
            rooms.clear();
        }
    }
}
