package dev.dingus.presence.relations.internal;

import dev.dingus.contracts.events.FriendRemoved;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code friend.removed}: the friendship ended. */
@Component
class FriendRemovedHandler implements EventHandler<FriendRemoved> {
    private final Relations relations;

    FriendRemovedHandler(Relations relations) {
        this.relations = relations;
    }

    @Override
    public String type() {
        return EventTypes.FRIEND_REMOVED;
    }

    @Override
    public Class<FriendRemoved> payloadType() {
        return FriendRemoved.class;
    }

    @Override
    public void handle(FriendRemoved event, EventEnvelope envelope) {
        relations.unfriended(event.userId(), event.otherUserId());
    }
}
