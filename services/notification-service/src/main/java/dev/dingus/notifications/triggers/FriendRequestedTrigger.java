package dev.dingus.notifications.triggers;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendRequested;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.core.Texts;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/** {@code friend.requested}: the asked user is told who asked. */
@Component
class FriendRequestedTrigger implements EventHandler<FriendRequested> {
    private final Inbox inbox;

    FriendRequestedTrigger(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String type() {
        return EventTypes.FRIEND_REQUESTED;
    }

    @Override
    public Class<FriendRequested> payloadType() {
        return FriendRequested.class;
    }

    @Override
    public void handle(FriendRequested e, EventEnvelope envelope) {
        if (e.toUserId() == null || e.toUserId().equals(e.fromUserId())) {
            return;
        }
        inbox.deliver(new NewNotification(NotificationKind.FRIEND_REQUEST, Texts.user(e.fromUsername()) + " sent you a friend request",
                null, null, e.fromUserId(), null, envelope.id()), List.of(e.toUserId()));
    }
}
