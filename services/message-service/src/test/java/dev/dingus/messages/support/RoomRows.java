package dev.dingus.messages.support;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A room's rows written and counted straight in the database, for the purge tests: thousands of messages through
 * the send path would take long and meet the send rate.
 */
public final class RoomRows {
    private RoomRows() {}

    /** Messages {@code fromSeq..toSeq} from one filler sender, and the counter raised to {@code toSeq}, as sends leave them. */
    public static void messages(JdbcClient jdbc, UUID roomId, long fromSeq, long toSeq) {
        jdbc.sql("""
                INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, created_at)
                SELECT gen_random_uuid(), ?, g, ?, 'filler', 'message ' || g, now() FROM generate_series(?, ?) g""")
                .params(roomId, UUID.randomUUID(), fromSeq, toSeq).update();
        jdbc.sql("""
                INSERT INTO room_sequences (room_id, last_seq) VALUES (?, ?)
                ON CONFLICT (room_id) DO UPDATE SET last_seq = EXCLUDED.last_seq""")
                .params(roomId, toSeq).update();
    }

    /**
     * One message as the group-commit writer stores a send: counter raised and message inserted in one transaction
     * (here one statement).
     */
    public static void send(JdbcClient jdbc, UUID roomId, String content) {
        jdbc.sql("""
                WITH counter AS (
                  INSERT INTO room_sequences (room_id, last_seq) VALUES (?, 1)
                  ON CONFLICT (room_id) DO UPDATE SET last_seq = room_sequences.last_seq + 1 RETURNING last_seq)
                INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, created_at)
                SELECT gen_random_uuid(), ?, last_seq, ?, 'late', ?, now() FROM counter""")
                .params(roomId, roomId, UUID.randomUUID(), content).update();
    }

    /** Read positions of {@code count} readers. */
    public static void readers(JdbcClient jdbc, UUID roomId, int count) {
        jdbc.sql("INSERT INTO read_state (room_id, user_id, last_read_seq) SELECT ?, gen_random_uuid(), 1 FROM generate_series(1, ?)")
                .params(roomId, count).update();
    }

    public static long messageCount(JdbcClient jdbc, UUID roomId) {
        return count(jdbc, "SELECT count(*) FROM messages WHERE room_id = ?", roomId);
    }

    public static long readerCount(JdbcClient jdbc, UUID roomId) {
        return count(jdbc, "SELECT count(*) FROM read_state WHERE room_id = ?", roomId);
    }

    /** The room's last seq, or 0 without a counter. */
    public static long lastSeq(JdbcClient jdbc, UUID roomId) {
        return jdbc.sql("SELECT last_seq FROM room_sequences WHERE room_id = ?").param(roomId).query(Long.class).optional().orElse(0L);
    }

    /** Messages, read positions and the counter: everything the purge deletes. */
    public static long all(JdbcClient jdbc, UUID roomId) {
        return messageCount(jdbc, roomId) + readerCount(jdbc, roomId)
                + count(jdbc, "SELECT count(*) FROM room_sequences WHERE room_id = ?", roomId);
    }

    /** The rows the purge record says it deleted; null when there is no record (never was, or finished). */
    public static Long purgedRows(JdbcClient jdbc, UUID roomId) {
        return jdbc.sql("SELECT purged_rows FROM room_purges WHERE room_id = ?").param(roomId).query(Long.class).optional().orElse(null);
    }

    /** Ages the room's purge record past any settle time: the purger may now end it. */
    public static void settle(JdbcClient jdbc, UUID roomId) {
        jdbc.sql("UPDATE room_purges SET requested_at = now() - interval '1 day' WHERE room_id = ?").param(roomId).update();
    }

    private static long count(JdbcClient jdbc, String sql, UUID roomId) {
        return jdbc.sql(sql).param(roomId).query(Long.class).single();
    }
}
