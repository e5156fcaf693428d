package dev.dingus.auth.sessions.internal;

import java.time.Instant;

/** What presenting a known refresh token means. Pure rules; {@code Sessions} applies them in a transaction. */
public final class RotationRules {
    private RotationRules() {}

    public enum Verdict {
        /** Valid and unspent: spend it and issue its successor. */
        ROTATE,
        /** Spent before: someone holds a copy. End the session. */
        REUSED,
        /** Past its lifetime. */
        EXPIRED,
        /** Its session was revoked (logout, reuse, password change). */
        SESSION_ENDED,
        /** Not a token of ours. */
        UNKNOWN
    }

    public static Verdict judge(StoredRefreshToken token, Instant now) {
        if (token == null) {
            return Verdict.UNKNOWN;
        }
        // An ended session stays ended: no rotation, and nothing left to revoke.
        if (token.sessionRevokedAt() != null) {
            return Verdict.SESSION_ENDED;
        }
        // Reuse is checked before expiry: an old spent token showing up is a theft signal even when expired.
        if (token.spentAt() != null) {
            return Verdict.REUSED;
        }
        if (!token.expiresAt().isAfter(now)) {
            return Verdict.EXPIRED;
        }
        return Verdict.ROTATE;
    }
}
