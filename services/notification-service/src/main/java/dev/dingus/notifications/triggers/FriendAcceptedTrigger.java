package dev.dingus.notifications.triggers;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendAccepted;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.core.Texts;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code friend.accepted}: the user who asked is told that the other accepted. */
@Component
class FriendAcceptedTrigger implements EventHandler<FriendAccepted> {
    private final Inbox inbox;

    FriendAcceptedTrigger(Inbox inbox) {
        this.inbox = inbox;
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
    public void handle(FriendAccepted e, EventEnvelope envelope) {
        if (e.requesterId() == null || e.requesterId().equals(e.accepterId())) {
            return;
        }
        inbox.deliver(new NewNotification(NotificationKind.FRIEND_ACCEPTED,
                Texts.user(e.accepterUsername()) + " accepted your friend request", null, null, e.accepterId(), null,
                envelope.id()), List.of(e.requesterId()));
    }
}
