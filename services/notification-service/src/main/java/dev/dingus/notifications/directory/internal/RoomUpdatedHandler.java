package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.RoomUpdated;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.updated}: a new name or kind. */
@Component
class RoomUpdatedHandler implements EventHandler<RoomUpdated> {
    private final Directory directory;

    RoomUpdatedHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return EventTypes.ROOM_UPDATED;
    }

    @Override
    public Class<RoomUpdated> payloadType() {
        return RoomUpdated.class;
    }

    @Override
    public void handle(RoomUpdated event, EventEnvelope envelope) {
        directory.roomSeen(event.roomId(), event.kind(), event.name());
    }
}
