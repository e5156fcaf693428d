package dev.dingus.messages.membership.internal;

import dev.dingus.platform.web.rooms.RoomMembershipClient;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rooms} and {@code room_members} tables, written only from room-service's events. */
@Repository
public class MembershipStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    MembershipStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** What this service knows locally: nothing (room unknown), or the room with the user's role (null if none). */
    public record Local(String kind, String postPolicy, String role) {}

    Optional<Local> find(UUID roomId, UUID userId) {
        return jdbc.sql("""
                SELECT r.kind, r.post_policy, m.role FROM rooms r
                LEFT JOIN room_members m ON m.room_id = r.id AND m.user_id = ?
                WHERE r.id = ?""")
                .params(userId, roomId)
                .query((rs, n) -> new Local(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * One primary-key probe per pair, whatever the plan: {@code LIMIT 1} keeps the lateral subquery from being
     * flattened into a join, which a generic plan cached on a small table makes a scan of the whole table.
     */
    static final String EXISTING_PAIRS = "SELECT m.room_id, m.user_id FROM unnest(?::uuid[], ?::uuid[]) AS p(room_id, user_id)"
            + " CROSS JOIN LATERAL (SELECT room_id, user_id FROM room_members m"
            + " WHERE m.room_id = p.room_id AND m.user_id = p.user_id LIMIT 1) m";

    /** Which of these (room, user) pairs ({@code rooms[i]}, {@code users[i]}) are members: {@code "room/user"} keys. */
    public Set<String> existingPairs(List<UUID> rooms, List<UUID> users) {
        if (rooms.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        jdbcTemplate.query(con -> {
            PreparedStatement ps = con.prepareStatement(EXISTING_PAIRS);
            ps.setArray(1, con.createArrayOf("uuid", rooms.toArray()));
            ps.setArray(2, con.createArrayOf("uuid", users.toArray()));
            return ps;
        }, rs -> {
            found.add(rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class));
        });
        return found;
    }

    void upsertRoom(UUID roomId, String kind, String postPolicy) {
        jdbc.sql("""
                INSERT INTO rooms (id, kind, post_policy) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, post_policy = EXCLUDED.post_policy, updated_at = now()""")
                .params(roomId, kind, postPolicy == null ? "everyone" : postPolicy).update();
    }

    /** Known rooms only: a role event never invents a room whose kind we do not know. */
    void upsertMember(UUID roomId, UUID userId, String role) {
        jdbc.sql("""
                INSERT INTO room_members (room_id, user_id, role) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ?)
                ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role""")
                .params(roomId, userId, role, roomId).update();
    }

    /** Makes this transaction the only one changing the room's membership, on every node, until it ends. */
    void lockRoom(UUID roomId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(RoomMembershipClient.lockKey(roomId)).query((rs, n) -> 1).list();
    }

    void removeMember(UUID roomId, UUID userId) {
        jdbc.sql("DELETE FROM room_members WHERE room_id = ? AND user_id = ?").params(roomId, userId).update();
    }

    void deleteRoom(UUID roomId) {
        jdbc.sql("DELETE FROM rooms WHERE id = ?").param(roomId).update();
    }
}
