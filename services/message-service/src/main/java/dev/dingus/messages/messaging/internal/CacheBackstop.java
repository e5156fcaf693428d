package dev.dingus.messages.messaging.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.contracts.events.MessageEdited;
import dev.dingus.messages.core.Times;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.outbox.RelayedEventsListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands what the outbox relay published to {@link LatestPageCache#repair}: the cache's backstop for a node that died
 * between a commit and its cache write (ADR 0009). The relay runs on every node and takes any node's rows, so what
 * a dead node committed is repaired by whichever node relays it.
 */
@Component
class CacheBackstop implements RelayedEventsListener {
    private final LatestPageCache cache;
    private final JsonMapper json;

    CacheBackstop(LatestPageCache cache, JsonMapper json) {
        this.cache = cache;
        this.json = json;
    }

    @Override
    public void relayed(List<EventEnvelope> events) {
        Map<UUID, Long> createdTops = new HashMap<>();
        Map<UUID, Map<Long, String>> changed = new HashMap<>();
        for (EventEnvelope event : events) {
            switch (event.type()) {
                case EventTypes.MESSAGE_CREATED -> {
                    MessageCreated created = json.treeToValue(event.data(), MessageCreated.class);
                    createdTops.merge(created.roomId(), created.seq(), Math::max);
                }
                case EventTypes.MESSAGE_EDITED -> {
                    MessageEdited edited = json.treeToValue(event.data(), MessageEdited.class);
                    changed.computeIfAbsent(edited.roomId(), r -> new HashMap<>())
                            .put(edited.seq(), "\"edited_at\":\"" + Times.format(edited.editedAt()) + "\"");
                }
                case EventTypes.MESSAGE_DELETED -> {
                    MessageDeleted deleted = json.treeToValue(event.data(), MessageDeleted.class);
                    // A delete is final: it wins over an edit of the same message in the same batch.
                    changed.computeIfAbsent(deleted.roomId(), r -> new HashMap<>()).put(deleted.seq(), "\"deleted\":true");
                }
                default -> {
                    // other events do not touch the cache
                }
            }
        }
        Map<UUID, LatestPageCache.Committed> byRoom = new HashMap<>();
        createdTops.forEach((room, top) -> byRoom.put(room, new LatestPageCache.Committed(top, changed.getOrDefault(room, Map.of()))));
        changed.forEach((room, entries) -> byRoom.putIfAbsent(room, new LatestPageCache.Committed(0, entries)));
        cache.repair(byRoom);
    }
}
