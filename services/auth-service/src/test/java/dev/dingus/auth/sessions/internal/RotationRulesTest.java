package dev.dingus.auth.sessions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.sessions.internal.RotationRules.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RotationRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(30));
    private static final Instant EARLIER = NOW.minus(Duration.ofMinutes(5));

    private static StoredRefreshToken token(Instant expiresAt, Instant spentAt, Instant sessionRevokedAt) {
        return new StoredRefreshToken(UUID.randomUUID(), UUID.randomUUID(), expiresAt, spentAt, sessionRevokedAt);
    }

    @Test
    void aFreshUnspentTokenRotates() {
        assertThat(RotationRules.judge(token(LATER, null, null), NOW)).isEqualTo(Verdict.ROTATE);
    }

    @Test
    void aSpentTokenIsReuseEvenWhenItHasExpiredMeanwhile() {
        assertThat(RotationRules.judge(token(LATER, EARLIER, null), NOW)).isEqualTo(Verdict.REUSED);
        assertThat(RotationRules.judge(token(EARLIER, EARLIER, null), NOW)).isEqualTo(Verdict.REUSED);
    }

    @Test
    void anExpiredTokenIsRefusedWithoutEndingTheSession() {
        assertThat(RotationRules.judge(token(EARLIER, null, null), NOW)).isEqualTo(Verdict.EXPIRED);
        assertThat(RotationRules.judge(token(NOW, null, null), NOW)).as("expiry is exclusive").isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void nothingRotatesInAnEndedSession() {
        assertThat(RotationRules.judge(token(LATER, null, EARLIER), NOW)).isEqualTo(Verdict.SESSION_ENDED);
        assertThat(RotationRules.judge(token(LATER, EARLIER, EARLIER), NOW)).as("already ended: nothing left to revoke")
                .isEqualTo(Verdict.SESSION_ENDED);
    }

    @Test
    void anUnknownTokenIsUnknown() {
        assertThat(RotationRules.judge(null, NOW)).isEqualTo(Verdict.UNKNOWN);
    }
}
