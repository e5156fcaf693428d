package dev.dingus.notifications.mutes;

import dev.dingus.notifications.core.NotificationErrors;
import dev.dingus.notifications.core.NotificationsProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class Mutes {
    private final JdbcClient jdbc;
    private final NotificationsProperties props;

    Mutes(JdbcClient jdbc, NotificationsProperties props) {
        this.jdbc = jdbc;
        this.props = props;
    }

    /** The users among {@code userIds} who muted {@code roomId}. */
    public Set<UUID> mutedAmong(UUID roomId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT user_id FROM room_mutes WHERE room_id = ? AND user_id = ANY(?)")
                .params(roomId, userIds.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** Sets the caller's mute of a room; 409 {@code too_many_mutes} past the limit. Idempotent. */
    @Transactional
    public MuteView set(UUID userId, UUID roomId, boolean muted) {
        if (!muted) {
            jdbc.sql("DELETE FROM room_mutes WHERE user_id = ? AND room_id = ?").params(userId, roomId).update();
            return new MuteView(roomId, false, null);
        }
        // serialises one user's mute changes, so the limit holds under concurrent requests
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))").param("mutes:" + userId).query().singleRow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                INSERT INTO room_mutes (user_id, room_id, muted_at)
                SELECT ?, ?, ? WHERE (SELECT count(*) FROM room_mutes WHERE user_id = ?) < ?
                ON CONFLICT (user_id, room_id) DO NOTHING""")
                .params(userId, roomId, Timestamp.from(now), userId, props.maxMutesPerUser()).update();
        List<Instant> existing = jdbc.sql("SELECT muted_at FROM room_mutes WHERE user_id = ? AND room_id = ?")
                .params(userId, roomId).query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        if (inserted == 0 && existing.isEmpty()) {
            throw NotificationErrors.tooManyMutes(props.maxMutesPerUser());
        }
        return new MuteView(roomId, true, existing.getFirst());
    }

    public MuteList of(UUID userId) {
        return new MuteList(jdbc.sql("SELECT room_id, muted_at FROM room_mutes WHERE user_id = ? ORDER BY muted_at DESC, room_id")
                .param(userId)
                .query((rs, n) -> new MuteView(rs.getObject(1, UUID.class), true, rs.getTimestamp(2).toInstant()))
                .list());
    }
}
