package dev.dingus.presence.relations.internal;

import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.member.removed}: the user no longer shares the room. */
@Component
class MemberRemovedHandler implements EventHandler<RoomMemberRemoved> {
    private final Relations relations;

    MemberRemovedHandler(Relations relations) {
        this.relations = relations;
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
        relations.left(event.roomId(), event.userId());
    }
}
