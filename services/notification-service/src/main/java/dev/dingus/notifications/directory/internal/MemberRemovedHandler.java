package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.member.removed}: no more notifications from that room. */
@Component
class MemberRemovedHandler implements EventHandler<RoomMemberRemoved> {
    private final Directory directory;

    MemberRemovedHandler(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String type() {
        return EventTypes.ROOM_MEMBER_REMOVED;
    }

    @Override
    public Class<RoomMemberRemoved> payloadType() {
        return RoomMemberRemoved.class;
    }

    @Override
    public void handle(RoomMemberRemoved event, EventEnvelope envelope) {
        directory.memberRemoved(event.roomId(), event.userId());
    }
}
