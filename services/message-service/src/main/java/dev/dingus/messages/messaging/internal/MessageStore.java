package dev.dingus.messages.messaging.internal;

import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.Times;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code messages} and {@code room_sequences} tables. Batch statements take arrays: one round trip each. */
@Repository
public class MessageStore {
    static final String COLUMNS = "m.id, m.room_id, m.seq, m.sender_id, m.sender_username, m.content, m.client_msg_id, "
            + "m.created_at, m.edited_at, m.deleted_at";

    /** Row → view; a deleted message keeps its place (seq) and loses its text. */
    static final RowMapper<MessageView> VIEW = (rs, n) -> view(rs);

    /** A message with what the rules need beyond the view. */
    public record Row(MessageView view, UUID deletedBy) {}

    /** One new message of a batch; its seq is decided by {@link #insertAll}. */
    public record NewRow(UUID id, UUID roomId, UUID senderId, String senderUsername, String content, String clientMsgId) {}

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    MessageStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    static MessageView view(ResultSet rs) throws SQLException {
        boolean deleted = rs.getTimestamp("deleted_at") != null;
        Timestamp edited = rs.getTimestamp("edited_at");
        return new MessageView(rs.getObject("id", UUID.class), rs.getObject("room_id", UUID.class), rs.getLong("seq"),
                rs.getObject("sender_id", UUID.class), rs.getString("sender_username"),
                deleted ? "" : rs.getString("content"), rs.getString("client_msg_id"),
                Times.format(rs.getTimestamp("created_at").toInstant()),
                edited == null ? null : Times.format(edited.toInstant()), deleted);
    }

    /**
     * The resend lookup. One index probe per key, whatever the plan: the {@code LIMIT 1} (the key is unique anyway)
     * keeps PostgreSQL from flattening the lateral subquery into a join. As a join, the generic plan that a pooled
     * connection caches while the table is still small is a hash join over a scan of the whole table, and it stays
     * that way as the table grows (until an ANALYZE invalidates it).
     */
    static final String FIND_BY_CLIENT_IDS = "SELECT " + COLUMNS + " FROM unnest(?::uuid[], ?::text[]) AS k(sender_id, client_msg_id)"
            + " CROSS JOIN LATERAL (SELECT * FROM messages m"
            + " WHERE m.sender_id = k.sender_id AND m.client_msg_id = k.client_msg_id LIMIT 1) m";

    /** Messages already stored under these (sender, clientMsgId) keys: resends get the original back. */
    Map<String, MessageView> findByClientIds(List<UUID> senders, List<String> clientMsgIds) {
        if (senders.isEmpty()) {
            return Map.of();
        }
        Map<String, MessageView> found = new HashMap<>();
        jdbcTemplate.query(con -> {
            PreparedStatement ps = con.prepareStatement(FIND_BY_CLIENT_IDS);
            ps.setArray(1, con.createArrayOf("uuid", senders.toArray()));
            ps.setArray(2, con.createArrayOf("text", clientMsgIds.toArray()));
            return ps;
        }, rs -> {
            MessageView v = view(rs);
            found.put(clientKey(v.senderId(), v.clientMsgId()), v);
        });
        return found;
    }

    static String clientKey(UUID sender, String clientMsgId) {
        return sender + "/" + clientMsgId;
    }

    /**
     * Stores a batch of new messages and gives each its seq, in one statement (one round trip): each room's counter
     * is raised by its number of rows, and the rows of a room take the seqs below the new top in batch order.
     * Counters are locked in room order by every writer, so two nodes cannot deadlock.
     */
    static final String INSERT_WITH_SEQS = """
            WITH batch AS (
              SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                WITH ORDINALITY AS u(id, room_id, sender_id, sender_username, content, client_msg_id, ord)
            ), tops AS (
              INSERT INTO room_sequences (room_id, last_seq)
              SELECT room_id, count(*) FROM batch GROUP BY room_id ORDER BY room_id
              ON CONFLICT (room_id) DO UPDATE SET last_seq = room_sequences.last_seq + EXCLUDED.last_seq
              RETURNING room_id, last_seq
            )
            INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, client_msg_id, created_at)
            SELECT b.id, b.room_id,
                   t.last_seq - count(*) OVER room + row_number() OVER (room ORDER BY b.ord),
                   b.sender_id, b.sender_username, b.content, b.client_msg_id, ?
            FROM batch b JOIN tops t ON t.room_id = b.room_id
            WINDOW room AS (PARTITION BY b.room_id)
            RETURNING id, seq""";

    /** Inserts a batch of messages, allocating their seqs; returns each message's seq by id. */
    Map<UUID, Long> insertAll(List<NewRow> rows, Instant createdAt) {
        Map<UUID, Long> seqs = new HashMap<>();
        jdbcTemplate.query(con -> {
            PreparedStatement ps = con.prepareStatement(INSERT_WITH_SEQS);
            ps.setArray(1, array(con, "uuid", rows.stream().map(NewRow::id).toArray()));
            ps.setArray(2, array(con, "uuid", rows.stream().map(NewRow::roomId).toArray()));
            ps.setArray(3, array(con, "uuid", rows.stream().map(NewRow::senderId).toArray()));
            ps.setArray(4, array(con, "text", rows.stream().map(NewRow::senderUsername).toArray()));
            ps.setArray(5, array(con, "text", rows.stream().map(NewRow::content).toArray()));
            ps.setArray(6, array(con, "text", rows.stream().map(NewRow::clientMsgId).toArray()));
            ps.setTimestamp(7, Timestamp.from(createdAt));
            return ps;
        }, rs -> {
            seqs.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return seqs;
    }

    private static Array array(Connection con, String type, Object[] values) throws SQLException {
        return con.createArrayOf(type, values);
    }

    public Optional<Row> find(UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + ", m.deleted_by FROM messages m WHERE m.id = ?").param(messageId)
                .query((rs, n) -> new Row(view(rs), rs.getObject("deleted_by", UUID.class))).optional();
    }

    /** Locks the message row for the rest of the transaction (edit and delete of one message serialize). */
    public Optional<Row> findForUpdate(UUID messageId) {
        return jdbc.sql("SELECT " + COLUMNS + ", m.deleted_by FROM messages m WHERE m.id = ? FOR UPDATE").param(messageId)
                .query((rs, n) -> new Row(view(rs), rs.getObject("deleted_by", UUID.class))).optional();
    }

    public MessageView updateContent(UUID messageId, String content, Instant editedAt) {
        return jdbc.sql("UPDATE messages m SET content = ?, edited_at = ? WHERE m.id = ? RETURNING " + COLUMNS)
                .params(content, Timestamp.from(editedAt), messageId).query(VIEW).single();
    }

    /** The tombstone: the text goes, the place in the room's sequence stays. */
    public MessageView markDeleted(UUID messageId, UUID by, Instant at) {
        return jdbc.sql("UPDATE messages m SET content = '', deleted_at = ?, deleted_by = ? WHERE m.id = ? RETURNING " + COLUMNS)
                .params(Timestamp.from(at), by, messageId).query(VIEW).single();
    }

    /** The newest {@code limit} messages, ascending. */
    public List<MessageView> latest(UUID roomId, int limit) {
        List<MessageView> page = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS
                + " FROM messages m WHERE m.room_id = ? ORDER BY m.seq DESC LIMIT ?").params(roomId, limit).query(VIEW).list());
        Collections.reverse(page);
        return page;
    }

    /** The {@code limit} messages just before {@code beforeSeq}, ascending. */
    public List<MessageView> before(UUID roomId, long beforeSeq, int limit) {
        List<MessageView> page = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS
                + " FROM messages m WHERE m.room_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?")
                .params(roomId, beforeSeq, limit).query(VIEW).list());
        Collections.reverse(page);
        return page;
    }

    /** The first {@code limit} messages after {@code afterSeq} (and before {@code beforeSeq}, if given), ascending. */
    public List<MessageView> after(UUID roomId, long afterSeq, Long beforeSeq, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM messages m WHERE m.room_id = ? AND m.seq > ? AND m.seq < ?"
                + " ORDER BY m.seq ASC LIMIT ?")
                .params(roomId, afterSeq, beforeSeq == null ? Long.MAX_VALUE : beforeSeq, limit).query(VIEW).list();
    }

    public Map<UUID, MessageView> lastMessages(java.util.Collection<UUID> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, MessageView> last = new HashMap<>();
        jdbcTemplate.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT DISTINCT ON (m.room_id) " + COLUMNS
                    + " FROM messages m WHERE m.room_id = ANY(?::uuid[]) ORDER BY m.room_id, m.seq DESC");
            ps.setArray(1, con.createArrayOf("uuid", roomIds.toArray()));
            return ps;
        }, rs -> {
            MessageView v = view(rs);
            last.put(v.roomId(), v);
        });
        return last;
    }

    /** The room's last seq (0 when nothing was ever sent). */
    public long lastSeq(UUID roomId) {
        return jdbc.sql("SELECT last_seq FROM room_sequences WHERE room_id = ?").param(roomId).query(Long.class)
                .optional().orElse(0L);
    }

    /** What one purge batch deleted: how many messages, and the highest seq among them. */
    record PurgedMessages(int count, long lastSeq) {}

    /**
     * Deletes the room's first {@code limit} messages above {@code afterSeq}. {@code = ANY (ARRAY(…))} keeps both
     * halves on the {@code (room_id, seq)} index; {@code IN (subquery)} may be planned as a hash join over a scan
     * of the whole table.
     */
    PurgedMessages deleteMessagesAfter(UUID roomId, long afterSeq, int limit) {
        return jdbc.sql("""
                WITH gone AS (
                  DELETE FROM messages WHERE room_id = ? AND seq = ANY (ARRAY(
                    SELECT seq FROM messages WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?))
                  RETURNING seq)
                SELECT count(*), COALESCE(max(seq), 0) FROM gone""")
                .params(roomId, roomId, afterSeq, limit)
                .query((rs, n) -> new PurgedMessages(rs.getInt(1), rs.getLong(2))).single();
    }

    boolean hasSeqCounter(UUID roomId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM room_sequences WHERE room_id = ?)").param(roomId).query(Boolean.class).single();
    }

    /** Deletes the room's seq counter: 1 if there was one, else 0. */
    int deleteSeqCounter(UUID roomId) {
        return jdbc.sql("DELETE FROM room_sequences WHERE room_id = ?").param(roomId).update();
    }
}
