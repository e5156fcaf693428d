package dev.dingus.notifications.triggers;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.core.NotificationsProperties;
import dev.dingus.notifications.core.Texts;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.notifications.mutes.Mutes;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code message.created}: in a DM the other member is told; elsewhere each mentioned member of the room
 * ({@code @username}, resolved from the usernames we know) is told. Never the sender, never who muted the room.
 */
@Component
class MessageCreatedTrigger implements EventHandler<MessageCreated> {
    private final Directory directory;
    private final Mutes mutes;
    private final Inbox inbox;
    private final NotificationsProperties props;

    MessageCreatedTrigger(Directory directory, Mutes mutes, Inbox inbox, NotificationsProperties props) {
        this.directory = directory;
        this.mutes = mutes;
        this.inbox = inbox;
        this.props = props;
    }

    @Override
    public String type() {
        return EventTypes.MESSAGE_CREATED;
    }

    @Override
    public Class<MessageCreated> payloadType() {
        return MessageCreated.class;
    }

    /** Only DMs and messages that mention someone reach this service; the broker drops the rest (headers). */
    @Override
    public List<Map<String, String>> onlyWithHeaders() {
        return List.of(Map.of(EventTypes.HEADER_ROOM_KIND, "dm"), Map.of(EventTypes.HEADER_HAS_MENTIONS, "true"));
    }

    /** Most messages are neither in a DM nor mention anyone: those are skipped before any database work. */
    @Override
    public boolean concerns(MessageCreated m) {
        return m.roomId() != null && m.senderId() != null
                && ("dm".equals(m.roomKind()) || !mentioned(m.mentions()).isEmpty());
    }

    @Override
    public void handle(MessageCreated m, EventEnvelope envelope) {
        if (!concerns(m)) {
            return;
        }
        boolean dm = "dm".equals(m.roomKind());
        List<UUID> recipients = new ArrayList<>(dm
                ? directory.membersExcept(m.roomId(), m.senderId())
                : directory.membersNamed(m.roomId(), mentioned(m.mentions()), m.senderId()));
        Set<UUID> muted = mutes.mutedAmong(m.roomId(), recipients);
        recipients.removeAll(muted);
        if (recipients.isEmpty()) {
            return;
        }
        String title = dm
                ? "New message from " + Texts.user(m.senderUsername())
                : Texts.user(m.senderUsername()) + " mentioned you in " + Texts.room(directory.roomName(m.roomId()).orElse(null));
        inbox.deliver(new NewNotification(dm ? NotificationKind.DM : NotificationKind.MENTION, title, Texts.preview(m.content()),
                m.roomId(), m.senderId(), m.messageId(), envelope.id()), recipients);
    }

    private List<String> mentioned(List<String> mentions) {
        if (mentions == null) {
            return List.of();
        }
        return mentions.stream().filter(Objects::nonNull).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .map(s -> s.startsWith("@") ? s.substring(1) : s)
                .filter(s -> !s.isEmpty()).distinct().limit(props.maxMentions()).toList();
    }
}
