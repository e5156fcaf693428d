package dev.dingus.auth.friends.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FriendshipRepository {
    private static final String COLUMNS = "requester_id, addressee_id, status, requested_at, accepted_at";

    private final JdbcClient jdbc;

    FriendshipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row between two users, whoever asked, locked for the rest of the transaction. */
    Optional<Friendship> findPairForUpdate(UUID a, UUID b) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM friendships"
                        + " WHERE (requester_id = ? AND addressee_id = ?) OR (requester_id = ? AND addressee_id = ?) FOR UPDATE")
                .params(a, b, b, a).query(FriendshipRepository::map).optional();
    }

    /** False when a row for the pair appeared meanwhile (both asked at the same moment). */
    boolean insertRequest(UUID requester, UUID addressee, Instant at) {
        return jdbc.sql("INSERT INTO friendships (requester_id, addressee_id, status, requested_at) VALUES (?, ?, 'pending', ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(requester, addressee, Timestamp.from(at)).update() == 1;
    }

    boolean accept(UUID requester, UUID addressee, Instant at) {
        return jdbc.sql("UPDATE friendships SET status = 'accepted', accepted_at = ?"
                        + " WHERE requester_id = ? AND addressee_id = ? AND status = 'pending'")
                .params(Timestamp.from(at), requester, addressee).update() == 1;
    }

    boolean deletePending(UUID requester, UUID addressee) {
        return jdbc.sql("DELETE FROM friendships WHERE requester_id = ? AND addressee_id = ? AND status = 'pending'")
                .params(requester, addressee).update() == 1;
    }

    /** Deletes the friendship between the two, or {@code me}'s own pending request; returns what it was. */
    Optional<Friendship.Status> deleteFriendshipOrOwnRequest(UUID me, UUID other) {
        return jdbc.sql("""
                        DELETE FROM friendships
                        WHERE ((requester_id = ? AND addressee_id = ?) OR (requester_id = ? AND addressee_id = ?))
                          AND (status = 'accepted' OR requester_id = ?)
                        RETURNING status""")
                .params(me, other, other, me, me)
                .query((rs, n) -> Friendship.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)))
                .optional();
    }

    /**
     * Makes concurrent requests of these two users wait for each other, so that counting and inserting stay one step:
     * locks both ids in a fixed order (no deadlock between A→B and B→A).
     */
    void lockUsers(UUID a, UUID b) {
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        jdbc.sql("SELECT pg_advisory_xact_lock(?), pg_advisory_xact_lock(?)")
                .params(lockKey(first), lockKey(second)).query((rs, n) -> 1).single();
    }

    private static long lockKey(UUID user) {
        return user.getMostSignificantBits() ^ user.getLeastSignificantBits();
    }

    /** Friends and open requests of the user, whoever asked. */
    int countRelations(UUID user) {
        return jdbc.sql("SELECT (SELECT count(*) FROM friendships WHERE requester_id = ?)"
                        + " + (SELECT count(*) FROM friendships WHERE addressee_id = ?)")
                .params(user, user).query(Integer.class).single();
    }

    int countOutgoingPending(UUID user) {
        return jdbc.sql("SELECT count(*) FROM friendships WHERE requester_id = ? AND status = 'pending'")
                .param(user).query(Integer.class).single();
    }

    /** Also forgets the addressee's declines older than {@code forgetBefore}: they no longer keep anyone waiting. */
    void recordDecline(UUID requester, UUID addressee, Instant at, Instant forgetBefore) {
        jdbc.sql("DELETE FROM friend_declines WHERE addressee_id = ? AND declined_at < ?")
                .params(addressee, Timestamp.from(forgetBefore)).update();
        jdbc.sql("INSERT INTO friend_declines (requester_id, addressee_id, declined_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT (requester_id, addressee_id) DO UPDATE SET declined_at = EXCLUDED.declined_at")
                .params(requester, addressee, Timestamp.from(at)).update();
    }

    boolean declinedSince(UUID requester, UUID addressee, Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM friend_declines"
                        + " WHERE requester_id = ? AND addressee_id = ? AND declined_at > ?)")
                .params(requester, addressee, Timestamp.from(since)).query(Boolean.class).single();
    }

    List<Friendship> allOf(UUID user) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM friendships WHERE requester_id = ? OR addressee_id = ?"
                        + " ORDER BY COALESCE(accepted_at, requested_at) DESC")
                .params(user, user).query(FriendshipRepository::map).list();
    }

    private static Friendship map(ResultSet rs, int row) throws SQLException {
        Timestamp accepted = rs.getTimestamp("accepted_at");
        return new Friendship(rs.getObject("requester_id", UUID.class), rs.getObject("addressee_id", UUID.class),
                Friendship.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("requested_at").toInstant().truncatedTo(ChronoUnit.MILLIS),
                accepted == null ? null : accepted.toInstant().truncatedTo(ChronoUnit.MILLIS));
    }
}
