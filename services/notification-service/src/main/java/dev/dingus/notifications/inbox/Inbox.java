package dev.dingus.notifications.inbox;

import dev.dingus.notifications.core.NotificationView;
import dev.dingus.notifications.core.NotificationsProperties;
import dev.dingus.notifications.delivery.Delivered;
import dev.dingus.notifications.delivery.LiveDelivery;
import dev.dingus.notifications.inbox.internal.RetractedMessages;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores notifications in bounded batches (one statement per batch) and hands the new ones to live delivery. A
 * notification about a message that was already deleted or edited is stored without its preview.
 */
@Component
public class Inbox {
    private final JdbcClient jdbc;
    private final LiveDelivery live;
    private final RetractedMessages retracted;
    private final NotificationsProperties props;

    Inbox(JdbcClient jdbc, LiveDelivery live, RetractedMessages retracted, NotificationsProperties props) {
        this.jdbc = jdbc;
        this.live = live;
        this.retracted = retracted;
        this.props = props;
    }

    /**
     * Stores {@code n} for each recipient that does not have it yet; call inside the event's transaction.
     * Returns how many were new.
     */
    public int deliver(NewNotification n, List<UUID> recipients) {
        if (n.messageId() != null && !recipients.isEmpty()) {
            retracted.lock(n.messageId()); // held to the commit: a retraction waits, or is seen by the insert
        }
        int created = 0;
        for (int from = 0; from < recipients.size(); from += props.fanOutBatch()) {
            List<UUID> batch = recipients.subList(from, Math.min(recipients.size(), from + props.fanOutBatch()));
            List<Delivered> stored = insert(n, batch);
            live.afterCommit(stored);
            created += stored.size();
        }
        return created;
    }

    private List<Delivered> insert(NewNotification n, List<UUID> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // ON CONFLICT keeps the first notification of a redelivered event; RETURNING lists only the new ones, with the
        // body as stored (none for a retracted message)
        List<Delivered> stored = jdbc.sql("""
                INSERT INTO notifications (id, recipient_id, kind, title, body, room_id, actor_id, message_id,
                                           source_event_id, created_at)
                SELECT gen_random_uuid(), r.id, ?::text, ?::text,
                       CASE WHEN EXISTS (SELECT 1 FROM retracted_messages WHERE message_id = ?::uuid) THEN NULL ELSE ?::text END,
                       ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::timestamptz
                FROM unnest(?::uuid[]) AS r(id)
                ON CONFLICT (source_event_id, recipient_id) DO NOTHING
                RETURNING id, recipient_id, body""")
                .params(n.kind().wire(), n.title(), n.messageId(), n.body(), n.roomId(), n.actorId(), n.messageId(),
                        n.sourceEventId(), Timestamp.from(now), recipients.toArray(UUID[]::new))
                .query((rs, row) -> new Delivered(rs.getObject("recipient_id", UUID.class),
                        new NotificationView(rs.getObject("id", UUID.class), n.kind().wire(), n.title(), rs.getString("body"),
                                n.roomId(), n.actorId(), now, null)))
                .list();
        return new ArrayList<>(stored);
    }
}
