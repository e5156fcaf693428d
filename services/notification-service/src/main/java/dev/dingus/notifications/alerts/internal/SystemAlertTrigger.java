package dev.dingus.notifications.alerts.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.SystemAlert;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.core.NotificationsProperties;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code system.alert}: one {@code system} notification per recipient (all known users, or the room's
 * members), the sender excepted, written a bounded batch at a time. Mutes do not apply: alerts are the
 * operators' voice.
 */
@Component
class SystemAlertTrigger implements EventHandler<SystemAlert> {
    private final Directory directory;
    private final Inbox inbox;
    private final NotificationsProperties props;

    SystemAlertTrigger(Directory directory, Inbox inbox, NotificationsProperties props) {
        this.directory = directory;
        this.inbox = inbox;
        this.props = props;
    }

    @Override
    public String type() {
        return EventTypes.SYSTEM_ALERT;
    }

    @Override
    public Class<SystemAlert> payloadType() {
        return SystemAlert.class;
    }

    @Override
    public void handle(SystemAlert alert, EventEnvelope envelope) {
        NewNotification n = new NewNotification(NotificationKind.SYSTEM, alert.title(), alert.body(), alert.roomId(),
                alert.senderId(), null, envelope.id());
        if (alert.roomId() != null) {
            inbox.deliver(n, directory.membersExcept(alert.roomId(), alert.senderId()));
            return;
        }
        UUID after = null;
        while (true) {
            List<UUID> batch = directory.usersAfter(after, props.fanOutBatch());
            if (batch.isEmpty()) {
                return;
            }
            after = batch.getLast();
            List<UUID> recipients = new ArrayList<>(batch);
            recipients.remove(alert.senderId());
            inbox.deliver(n, recipients);
            if (batch.size() < props.fanOutBatch()) {
                return;
            }
        }
    }
}
