package dev.dingus.messages.reads.internal;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code read_state} table, and unread counts derived from it. */
@Repository
public class ReadStore {
    private final JdbcClient jdbc;

    ReadStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Moves the read position forward; the new position, or empty when it was already there or beyond. */
    public OptionalLong advance(UUID roomId, UUID userId, long seq) {
        return jdbc.sql("""
                INSERT INTO read_state (room_id, user_id, last_read_seq) VALUES (?, ?, ?)
                ON CONFLICT (room_id, user_id) DO UPDATE SET last_read_seq = EXCLUDED.last_read_seq, updated_at = now()
                WHERE read_state.last_read_seq < EXCLUDED.last_read_seq
                RETURNING last_read_seq""")
                .params(roomId, userId, seq).query(Long.class).optional()
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /** One room of a user with its read position and the unread messages of others (counted up to {@code cap}). */
    public record Unread(UUID roomId, long lastSeq, long lastReadSeq, long unread) {}

    public List<Unread> unread(UUID userId, int cap) {
        return jdbc.sql("""
                SELECT m.room_id, COALESCE(s.last_seq, 0) AS last_seq, COALESCE(r.last_read_seq, 0) AS last_read_seq,
                  (SELECT count(*) FROM (SELECT 1 FROM messages x
                     WHERE x.room_id = m.room_id AND x.seq > COALESCE(r.last_read_seq, 0)
                       AND x.deleted_at IS NULL AND x.sender_id <> m.user_id LIMIT ?) c) AS unread
                FROM room_members m
                LEFT JOIN room_sequences s ON s.room_id = m.room_id
                LEFT JOIN read_state r ON r.room_id = m.room_id AND r.user_id = m.user_id
                WHERE m.user_id = ?
                ORDER BY m.room_id""")
                .params(cap, userId)
                .query((rs, n) -> new Unread(rs.getObject("room_id", UUID.class), rs.getLong("last_seq"),
                        rs.getLong("last_read_seq"), rs.getLong("unread")))
                .list();
    }

    /** Deletes at most {@code limit} read positions of the room (both halves on the primary key); how many went. */
    public int deleteBatch(UUID roomId, int limit) {
        return jdbc.sql("""
                DELETE FROM read_state WHERE room_id = ? AND user_id = ANY (ARRAY(
                  SELECT user_id FROM read_state WHERE room_id = ? ORDER BY user_id LIMIT ?))""")
                .params(roomId, roomId, limit).update();
    }
}
