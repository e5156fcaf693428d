package dev.dingus.notifications.directory.internal;

import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.notifications.directory.Memberships;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.member.removed}: no more notifications from that room. */
@Component
class MemberRemovedHandler implements EventHandler<RoomMemberRemoved> {
    private final Memberships memberships;

    MemberRemovedHandler(Memberships memberships) {
        this.memberships = memberships;
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
        memberships.changed(event.roomId(), event.userId(), false);
    }
}
