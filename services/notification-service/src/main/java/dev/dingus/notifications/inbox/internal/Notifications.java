package dev.dingus.notifications.inbox.internal;

import dev.dingus.notifications.core.NotificationErrors;
import dev.dingus.notifications.core.NotificationView;
import dev.dingus.notifications.core.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The reading side of the inbox; every statement is scoped to the caller's own notifications. */
@Component
class Notifications {
    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    PageView<NotificationView> page(UUID recipient, boolean unreadOnly, int page, int size) {
        String unread = unreadOnly ? " AND read_at IS NULL" : "";
        List<NotificationView> items = jdbc.sql("SELECT id, kind, title, body, room_id, actor_id, created_at, read_at"
                        + " FROM notifications WHERE recipient_id = ?" + unread
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(recipient, size, (long) page * size)
                .query(Notifications::view).list();
        long total = jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_id = ?" + unread)
                .param(recipient).query(Long.class).single();
        long unreadCount = unreadOnly ? total : unread(recipient);
        return new PageView<>(items, page, size, total, unreadCount);
    }

    long unread(UUID recipient) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipient).query(Long.class).single();
    }

    /** Idempotent; 404 {@code notification_not_found} for an id that is not the caller's. */
    void markRead(UUID recipient, UUID id) {
        int changed = jdbc.sql("UPDATE notifications SET read_at = now() WHERE id = ? AND recipient_id = ? AND read_at IS NULL")
                .params(id, recipient).update();
        if (changed == 0) {
            boolean mine = jdbc.sql("SELECT EXISTS (SELECT 1 FROM notifications WHERE id = ? AND recipient_id = ?)")
                    .params(id, recipient).query(Boolean.class).single();
            if (!mine) {
                throw NotificationErrors.notificationNotFound();
            }
        }
    }

    int markAllRead(UUID recipient) {
        return jdbc.sql("UPDATE notifications SET read_at = now() WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipient).update();
    }

    private static NotificationView view(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new NotificationView(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("title"),
                rs.getString("body"), rs.getObject("room_id", UUID.class), rs.getObject("actor_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), readAt == null ? null : readAt.toInstant());
    }
}
