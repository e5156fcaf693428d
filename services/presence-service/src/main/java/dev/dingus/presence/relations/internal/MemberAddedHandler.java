package dev.dingus.presence.relations.internal;

import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.EventTypes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import org.springframework.stereotype.Component;

/** {@code room.member.added}: the user now shares the room with its members. */
@Component
class MemberAddedHandler implements EventHandler<RoomMemberAdded> {
    private final Relations relations;

    MemberAddedHandler(Relations relations) {
        this.relations = relations;
    }

    @Override
    public String type() {
        return EventTypes.ROOM_MEMBER_ADDED;
    }

    @Override
    public Class<RoomMemberAdded> payloadType() {
        return RoomMemberAdded.class;
    }

    @Override
    public void handle(RoomMemberAdded event, EventEnvelope envelope) {
        relations.joined(event.roomId(), event.userId());
    }
}
