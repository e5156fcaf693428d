package dev.dingus.notifications.inbox.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps each recipient's newest {@code max} notifications and deletes the older ones. It runs from the periodic
 * cleanup, not on insert: knowing whether a recipient passed the cap takes a walk over up to {@code max} of their
 * rows, which an alert to everyone would pay once per user while the event's transaction is open. Off the event
 * path, the one scan per run reads an index whose size the cap itself bounds (users × max, plus one interval's
 * arrivals), and a list may hold a few more than {@code max} until the next run.
 */
@Component
class InboxCap {
    private final JdbcClient jdbc;

    InboxCap(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The recipients that have more than {@code max} notifications. */
    List<UUID> overfull(int max) {
        return jdbc.sql("SELECT recipient_id FROM notifications GROUP BY recipient_id HAVING count(*) > ?")
                .param(max).query(UUID.class).list();
    }

    /**
     * Deletes at most {@code limit} of the recipient's notifications that are not among their newest {@code max};
     * returns how many. One arriving meanwhile only shifts the boundary: the next run takes what is left.
     */
    int trim(UUID recipient, int max, int limit) {
        return jdbc.sql("""
                DELETE FROM notifications WHERE id = ANY (ARRAY(
                    SELECT id FROM notifications WHERE recipient_id = ?
                    ORDER BY created_at DESC, id DESC OFFSET ? LIMIT ?))""")
                .params(recipient, max, limit).update();
    }
}
