package dev.dingus.notifications.directory;

import dev.dingus.platform.web.rooms.RoomMembershipClient;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes the local copy of users, rooms and memberships. Writes are idempotent upserts/deletes. */
@Component
public class Directory {
    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- users -----------------------------------------------------------------------------------

    public void userRegistered(UUID userId, String username, Instant registeredAt) {
        jdbc.sql("""
                INSERT INTO known_users (id, username, registered_at) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username,
                    registered_at = COALESCE(known_users.registered_at, EXCLUDED.registered_at)""")
                .params(userId, username, Timestamp.from(registeredAt == null ? Instant.now() : registeredAt))
                .update();
    }

    public void userRenamed(UUID userId, String username) {
        jdbc.sql("""
                INSERT INTO known_users (id, username) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username""")
                .params(userId, username).update();
    }

    public Optional<String> username(UUID userId) {
        return jdbc.sql("SELECT username FROM known_users WHERE id = ?").param(userId).query(String.class).optional();
    }

    /** The first user who registered (by registration time), if any registration was seen. */
    public Optional<UUID> firstRegisteredUser() {
        return jdbc.sql("SELECT id FROM known_users WHERE registered_at IS NOT NULL ORDER BY registered_at, id LIMIT 1")
                .query(UUID.class).optional();
    }

    /** Up to {@code limit} known user ids after {@code afterId} (null: from the start), in id order. */
    public List<UUID> usersAfter(UUID afterId, int limit) {
        UUID from = afterId == null ? new UUID(0, 0) : afterId;
        return jdbc.sql("SELECT id FROM known_users WHERE id > ? ORDER BY id LIMIT ?")
                .params(from, limit).query(UUID.class).list();
    }

    // --- rooms -----------------------------------------------------------------------------------

    public void roomSeen(UUID roomId, String kind, String name) {
        jdbc.sql("""
                INSERT INTO rooms (id, kind, name) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = COALESCE(EXCLUDED.name, rooms.name)""")
                .params(roomId, kind == null ? "public" : kind, name).update();
    }

    public boolean roomExists(UUID roomId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM rooms WHERE id = ?)").param(roomId).query(Boolean.class).single();
    }

    public Optional<String> roomName(UUID roomId) {
        return jdbc.sql("SELECT name FROM rooms WHERE id = ?").param(roomId).query(String.class).optional();
    }

    /** Makes this transaction the only one changing the room's membership, on every node, until it ends. */
    public void lockRoom(UUID roomId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(RoomMembershipClient.lockKey(roomId)).query((rs, n) -> 1).list();
    }

    public void memberAdded(UUID roomId, UUID userId) {
        jdbc.sql("INSERT INTO room_members (room_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(roomId, userId).update();
    }

    public void memberRemoved(UUID roomId, UUID userId) {
        jdbc.sql("DELETE FROM room_members WHERE room_id = ? AND user_id = ?").params(roomId, userId).update();
    }

    /** Forgets the room, its members and the mutes that named it. */
    public void roomDeleted(UUID roomId) {
        jdbc.sql("DELETE FROM room_members WHERE room_id = ?").param(roomId).update();
        jdbc.sql("DELETE FROM room_mutes WHERE room_id = ?").param(roomId).update();
        jdbc.sql("DELETE FROM rooms WHERE id = ?").param(roomId).update();
    }

    /** Members of the room other than {@code except}. */
    public List<UUID> membersExcept(UUID roomId, UUID except) {
        return jdbc.sql("SELECT user_id FROM room_members WHERE room_id = ? AND user_id <> ? ORDER BY user_id")
                .params(roomId, except).query(UUID.class).list();
    }

    /** The members of the room whose username is one of {@code usernames} (lower case), other than {@code except}. */
    public List<UUID> membersNamed(UUID roomId, Collection<String> usernames, UUID except) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT u.id FROM known_users u JOIN room_members m ON m.user_id = u.id AND m.room_id = ?
                WHERE lower(u.username) = ANY(?) AND u.id <> ? ORDER BY u.id""")
                .params(roomId, usernames.toArray(String[]::new), except).query(UUID.class).list();
    }
}
