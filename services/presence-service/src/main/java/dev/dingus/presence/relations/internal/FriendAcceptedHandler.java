package dev.dingus.presence.relations.internal;

import dev.dingus.contracts.events.FriendAccepted;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code friend.accepted}: the two see each other's presence. */
@Component
class FriendAcceptedHandler implements EventHandler<FriendAccepted> {
    private final Relations relations;

    FriendAcceptedHandler(Relations relations) {
        this.relations = relations;
    }

    @Override
    public String type() {
        return EventTypes.FRIEND_ACCEPTED;
    }

    @Override
    public Class<FriendAccepted> payloadType() {
        return FriendAccepted.class;
    }

    @Override
    public void handle(FriendAccepted event, EventEnvelope envelope) {
        relations.befriended(event.requesterId(), event.accepterId());
    }
}
