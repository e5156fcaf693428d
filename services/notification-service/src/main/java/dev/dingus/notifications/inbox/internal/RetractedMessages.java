package dev.dingus.notifications.inbox.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Messages that were deleted or edited: their notifications keep pointing at the room but quote nothing. The
 * retraction is remembered ({@code retracted_messages}), so that a {@code message.created} handled after it stores
 * no preview either ({@code Inbox} checks in its insert).
 *
 * <p>Both sides take the message's lock first. Under READ COMMITTED neither would otherwise see the other: an
 * insert whose statement began before the retraction committed finds no retraction, and the retraction's UPDATE
 * does not see the uncommitted notifications, so the preview would stay for good.
 */
@Component
public class RetractedMessages {
    private final JdbcClient jdbc;

    RetractedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until the transaction ends, no other transaction stores or retracts previews of this message. */
    public void lock(UUID messageId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("message-preview:" + messageId)
                .query().singleRow();
    }

    /** The message's notifications quote nothing, now and when made later; call inside the event's transaction. */
    public void retract(UUID messageId) {
        lock(messageId);
        jdbc.sql("""
                INSERT INTO retracted_messages (message_id, retracted_at) VALUES (?, now())
                ON CONFLICT (message_id) DO UPDATE SET retracted_at = EXCLUDED.retracted_at""")
                .param(messageId).update();
        jdbc.sql("UPDATE notifications SET body = NULL WHERE message_id = ? AND body IS NOT NULL").param(messageId).update();
    }

    /**
     * Forgets at most {@code limit} retractions older than {@code cutoff}; returns how many. A message.created
     * handled later than that is a replay, and is not exactly-once any more either (processed event ids are kept
     * as long). Rows another node is deleting are skipped rather than waited for.
     */
    int forgetRetractedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM retracted_messages WHERE message_id = ANY (ARRAY(
                    SELECT message_id FROM retracted_messages WHERE retracted_at < ?
                    ORDER BY retracted_at LIMIT ? FOR UPDATE SKIP LOCKED))""")
                .params(Timestamp.from(cutoff), limit).update();
    }
}
