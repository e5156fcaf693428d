package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.deleted}: forget the room, its members and mutes (notifications already made stay). */
@Component
class RoomDeletedHandler implements EventHandler<RoomDeleted> {
    private final Directory directory;

    RoomDeletedHandler(Directory directory) {
        this.directory = directory;
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
        directory.roomDeleted(event.roomId());
    }
}
