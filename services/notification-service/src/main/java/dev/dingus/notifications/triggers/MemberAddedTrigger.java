package dev.dingus.notifications.triggers;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.core.Texts;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.notifications.directory.Memberships;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code room.member.added}: the membership is recorded (for DMs, mentions and room alerts); an invitation
 * ({@code via} = invite) by someone else tells the invited user.
 */
@Component
class MemberAddedTrigger implements EventHandler<RoomMemberAdded> {
    static final String VIA_INVITE = "invite";

    private final Directory directory;
    private final Memberships memberships;
    private final Inbox inbox;

    MemberAddedTrigger(Directory directory, Memberships memberships, Inbox inbox) {
        this.directory = directory;
        this.memberships = memberships;
        this.inbox = inbox;
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
    public void handle(RoomMemberAdded e, EventEnvelope envelope) {
        directory.roomSeen(e.roomId(), e.kind(), e.roomName());
        memberships.changed(e.roomId(), e.userId(), true);
        if (!VIA_INVITE.equals(e.via()) || e.actorId() == null || e.actorId().equals(e.userId())) {
            return;
        }
        String inviter = Texts.user(directory.username(e.actorId()).orElse(null));
        inbox.deliver(new NewNotification(NotificationKind.INVITATION, inviter + " invited you to " + Texts.room(e.roomName()),
                null, e.roomId(), e.actorId(), null, envelope.id()), List.of(e.userId()));
    }
}
