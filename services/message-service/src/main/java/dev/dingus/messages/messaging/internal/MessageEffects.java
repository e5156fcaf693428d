package dev.dingus.messages.messaging.internal;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.messages.core.Fanout;
import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.messaging.internal.GroupCommitWriter.Written;
import dev.dingus.messages.presence.PresenceReporter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.util.RawValue;

/** What follows a committed change: the sockets hear of it, the latest-page cache follows, presence sees activity. */
@Component
public class MessageEffects {
    private final Fanout fanout;
    private final LatestPageCache cache;
    private final PresenceReporter presence;

    MessageEffects(Fanout fanout, LatestPageCache cache, PresenceReporter presence) {
        this.fanout = fanout;
        this.cache = cache;
        this.presence = presence;
    }

    /** New messages of one batch (each encoded, {@link Written#json}), in seq order per room. */
    void created(List<Written> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        Map<UUID, List<LatestPageCache.Encoded>> byRoom = new LinkedHashMap<>();
        List<RawValue> encoded = new ArrayList<>(fresh.size());
        Set<UUID> senders = new LinkedHashSet<>();
        for (Written w : fresh) {
            // Encoded once (by the writer), for the cache, this node's sockets, the other nodes and the ack alike.
            RawValue body = w.json();
            encoded.add(body);
            byRoom.computeIfAbsent(w.message().roomId(), r -> new ArrayList<>())
                    .add(new LatestPageCache.Encoded(w.message().seq(), (String) body.rawValue()));
            senders.add(w.message().senderId());
        }
        // Cache first: a socket that joins after the broadcast is sure to find these in its first page.
        cache.append(byRoom);
        for (int i = 0; i < fresh.size(); i++) {
            fanout.toRoom(fresh.get(i).message().roomId(), SocketEvents.NEW_MESSAGE, encoded.get(i));
        }
        presence.active(senders);
    }

    public void edited(MessageView message) {
        cache.replace(message);
        fanout.toRoom(message.roomId(), SocketEvents.MESSAGE_EDITED, message);
    }

    public void deleted(MessageView tombstone, UUID deletedBy) {
        cache.replace(tombstone);
        fanout.toRoom(tombstone.roomId(), SocketEvents.MESSAGE_DELETED,
                new MessageDeletedView(tombstone.id(), tombstone.roomId(), tombstone.seq(), deletedBy));
    }

    /** {@code message_deleted}: which message went (its seq stays taken). */
    record MessageDeletedView(UUID messageId, UUID roomId, long seq, UUID deletedBy) {}
}
