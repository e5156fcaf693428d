package dev.dingus.presence.relations.internal;

import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.deleted}: nobody shares the room any more. */
@Component
class RoomDeletedHandler implements EventHandler<RoomDeleted> {
    private final Relations relations;

    RoomDeletedHandler(Relations relations) {
        this.relations = relations;
    }

    @Override
    public String type() {
        return EventTypes.ROOM_DELETED;
    }

    @Override
    public Class<RoomDeleted> payloadType() {
        return RoomDeleted.class;
    }

    @Override
    public void handle(RoomDeleted event, EventEnvelope envelope) {
        relations.roomDeleted(event.roomId(), event.memberIds());
    }
}
