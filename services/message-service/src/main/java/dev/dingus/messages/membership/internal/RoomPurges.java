package dev.dingus.messages.membership.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code room_purges} table: deleted rooms whose rows the {@link RoomPurger} has not finished deleting. */
@Repository
class RoomPurges {
    private final JdbcClient jdbc;

    RoomPurges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A redelivered {@code room.deleted} (or one for a room already purging) changes nothing. */
    void add(UUID roomId) {
        jdbc.sql("INSERT INTO room_purges (room_id) VALUES (?) ON CONFLICT (room_id) DO NOTHING").param(roomId).update();
    }

    /** The rooms waiting, oldest first. */
    List<UUID> pending(int max) {
        return jdbc.sql("SELECT room_id FROM room_purges ORDER BY requested_at LIMIT ?").param(max).query(UUID.class).list();
    }

    /** A locked record: whether its settle time is over. */
    record Locked(boolean settled) {}

    /**
     * Locks the room's record until the transaction ends. Empty when the record is gone, or locked by another node:
     * SKIP LOCKED, so that node keeps the room and this one goes on with other rooms instead of waiting.
     */
    Optional<Locked> lock(UUID roomId, Duration settle) {
        return jdbc.sql("""
                SELECT requested_at <= now() - make_interval(secs => ?) FROM room_purges
                WHERE room_id = ? FOR UPDATE SKIP LOCKED""")
                .params(settle.toMillis() / 1000.0, roomId)
                .query((rs, n) -> new Locked(rs.getBoolean(1))).optional();
    }

    void progress(UUID roomId, int rows) {
        jdbc.sql("UPDATE room_purges SET purged_rows = purged_rows + ? WHERE room_id = ?").params(rows, roomId).update();
    }

    /** Removes the record; the rows deleted for it in all. */
    long remove(UUID roomId) {
        return jdbc.sql("DELETE FROM room_purges WHERE room_id = ? RETURNING purged_rows").param(roomId)
                .query(Long.class).optional().orElse(0L);
    }

    /**
     * For the purger's own transactions: a commit lost in a crash only means deleting (or finding nothing) again, so
     * it need not wait for the disk.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
    }
}
