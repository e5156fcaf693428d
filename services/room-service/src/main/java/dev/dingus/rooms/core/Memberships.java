package dev.dingus.rooms.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code memberships} table: who is in which room, with which role, since when. */
@Repository
public class Memberships {
    private final JdbcClient jdbc;

    public Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<MemberRow> find(UUID roomId, UUID userId) {
        return jdbc.sql("SELECT room_id, user_id, role, joined_at FROM memberships WHERE room_id = ? AND user_id = ?")
                .params(roomId, userId).query(Memberships::map).optional();
    }

    public MemberRow insert(UUID roomId, UUID userId, Role role, Instant joinedAt) {
        jdbc.sql("INSERT INTO memberships (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)")
                .params(roomId, userId, role.wire(), Rooms.ts(joinedAt)).update();
        return new MemberRow(roomId, userId, role, joinedAt);
    }

    public boolean delete(UUID roomId, UUID userId) {
        return jdbc.sql("DELETE FROM memberships WHERE room_id = ? AND user_id = ?").params(roomId, userId).update() == 1;
    }

    public void setRole(UUID roomId, UUID userId, Role role) {
        jdbc.sql("UPDATE memberships SET role = ? WHERE room_id = ? AND user_id = ?").params(role.wire(), roomId, userId)
                .update();
    }

    public int countRoomsOf(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM memberships WHERE user_id = ?").param(userId).query(Integer.class).single();
    }

    public List<UUID> memberIds(UUID roomId) {
        return jdbc.sql("SELECT user_id FROM memberships WHERE room_id = ? ORDER BY joined_at, position").param(roomId)
                .query(UUID.class).list();
    }

    /** Who takes over from a leaving owner: the oldest admin, else the oldest member. */
    public Optional<MemberRow> successorOf(UUID roomId, UUID leavingOwner) {
        return jdbc.sql("""
                SELECT room_id, user_id, role, joined_at FROM memberships
                WHERE room_id = ? AND user_id <> ?
                ORDER BY (role = 'admin') DESC, joined_at, position
                LIMIT 1""")
                .params(roomId, leavingOwner).query(Memberships::map).optional();
    }

    /** A page of members: the owner first, then admins, then members, each oldest first. */
    public List<MemberRow> page(UUID roomId, int offset, int limit) {
        return jdbc.sql("""
                SELECT room_id, user_id, role, joined_at FROM memberships
                WHERE room_id = ?
                ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, joined_at, position
                OFFSET ? LIMIT ?""")
                .params(roomId, offset, limit).query(Memberships::map).list();
    }

    /** Every room of a user with the user's role there, most recently joined first. */
    public List<RoomWithRole> roomsOf(UUID userId) {
        return roomsOf(userId, null);
    }

    /**
     * A user's rooms: the user's memberships, then one primary-key probe per room. {@code LIMIT 1} keeps the lateral
     * subquery from being flattened into a join; as a join, the generic plan a pooled connection caches while
     * {@code rooms} is small reads every room (a materialized sequential scan) on each call, until an ANALYZE.
     */
    static final String ROOMS_OF = "SELECT " + Rooms.columns() + ", m.role AS my_role FROM memberships m "
            + "CROSS JOIN LATERAL (SELECT * FROM rooms r WHERE r.id = m.room_id LIMIT 1) r "
            + "WHERE m.user_id = ? AND (?::text IS NULL OR r.kind = ?::text) ORDER BY m.joined_at DESC, m.position DESC";

    /** The rooms of a user of one kind ({@code null}: all kinds), most recently joined first. */
    public List<RoomWithRole> roomsOf(UUID userId, Kind kind) {
        return jdbc.sql(ROOMS_OF)
                .params(userId, kind == null ? null : kind.wire(), kind == null ? null : kind.wire())
                .query((rs, n) -> new RoomWithRole(Rooms.map(rs, n), Role.fromWire(rs.getString("my_role"))))
                .list();
    }

    static MemberRow map(ResultSet rs, int row) throws SQLException {
        return new MemberRow(rs.getObject("room_id", UUID.class), rs.getObject("user_id", UUID.class),
                Role.fromWire(rs.getString("role")), rs.getTimestamp("joined_at").toInstant());
    }

    /** A room together with one user's role in it. */
    public record RoomWithRole(RoomRow room, Role role) {}
}
