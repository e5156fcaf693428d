package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.RoomCreated;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.created}: the room exists (its members come with {@code room.member.added}). */
@Component
class RoomCreatedHandler implements EventHandler<RoomCreated> {
    private final Directory directory;

    RoomCreatedHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return EventTypes.ROOM_CREATED;
    }

    @Override
    public Class<RoomCreated> payloadType() {
        return RoomCreated.class;
    }

    @Override
    public void handle(RoomCreated event, EventEnvelope envelope) {
        directory.roomSeen(event.roomId(), event.kind(), event.name());
    }
}
