package dev.dingus.auth.sessions.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SessionRepository {
    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertSession(UUID sessionId, UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(sessionId, userId, ts(now), ts(expiresAt)).update();
    }

    public void insertToken(byte[] hash, UUID sessionId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(hash, sessionId, ts(issuedAt), ts(expiresAt)).update();
    }

    /** The token and its session, the token row locked: two concurrent uses of one token are judged one after the other. */
    public Optional<StoredRefreshToken> findTokenForUpdate(byte[] hash) {
        return jdbc.sql("""
                        SELECT t.session_id, s.user_id, t.expires_at, t.spent_at, s.revoked_at
                        FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
                        WHERE t.token_hash = ? FOR UPDATE OF t""")
                .param(hash)
                .query((rs, n) -> new StoredRefreshToken(rs.getObject("session_id", UUID.class),
                        rs.getObject("user_id", UUID.class), instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("spent_at")), instant(rs.getTimestamp("revoked_at"))))
                .optional();
    }

    public void markSpent(byte[] hash, Instant at) {
        jdbc.sql("UPDATE refresh_tokens SET spent_at = ? WHERE token_hash = ?").params(ts(at), hash).update();
    }

    public void extendSession(UUID sessionId, Instant refreshedAt, Instant expiresAt) {
        jdbc.sql("UPDATE sessions SET refreshed_at = ?, expires_at = ? WHERE id = ?")
                .params(ts(refreshedAt), ts(expiresAt), sessionId).update();
    }

    public boolean revoke(UUID sessionId, Instant at, String reason) {
        return jdbc.sql("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL")
                .params(ts(at), reason, sessionId).update() == 1;
    }

    public boolean revokeOwned(UUID sessionId, UUID userId, Instant at, String reason) {
        return jdbc.sql("""
                        UPDATE sessions SET revoked_at = ?, revoke_reason = ?
                        WHERE id = ? AND user_id = ? AND revoked_at IS NULL""")
                .params(ts(at), reason, sessionId, userId).update() == 1;
    }

    public List<UUID> revokeAllOfUserExcept(UUID userId, UUID keep, Instant at, String reason) {
        return jdbc.sql("""
                        UPDATE sessions SET revoked_at = ?, revoke_reason = ?
                        WHERE user_id = ? AND id <> ? AND revoked_at IS NULL RETURNING id""")
                .params(ts(at), reason, userId, keep)
                .query(UUID.class).list();
    }

    /** Revocations not yet known to the other services, newer than {@code since} (older ones outlived every token). */
    public List<UUID> unpublishedRevocations(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT id FROM sessions
                        WHERE revoked_at IS NOT NULL AND revocation_published_at IS NULL AND revoked_at > ?
                        ORDER BY revoked_at LIMIT ?""")
                .params(ts(since), limit).query(UUID.class).list();
    }

    public void markPublished(List<UUID> sessionIds, Instant at) {
        if (sessionIds.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE sessions SET revocation_published_at = ? WHERE id = ANY(?)")
                .params(ts(at), sessionIds.toArray(UUID[]::new)).update();
    }

    /** Removes refresh tokens and sessions that can no longer matter. */
    public int purge(Instant tokensExpiredBefore, Instant sessionsEndedBefore) {
        int tokens = jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < ?").param(ts(tokensExpiredBefore)).update();
        int sessions = jdbc.sql("DELETE FROM sessions WHERE COALESCE(revoked_at, expires_at) < ?")
                .param(ts(sessionsEndedBefore)).update();
        return tokens + sessions;
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
