package dev.dingus.auth.sessions;

import dev.dingus.auth.sessions.internal.RefreshTokenCodec;
import dev.dingus.auth.sessions.internal.RevocationPublisher;
import dev.dingus.auth.sessions.internal.RotationRules;
import dev.dingus.auth.sessions.internal.SessionRepository;
import dev.dingus.auth.sessions.internal.StoredRefreshToken;
import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/** Opens sessions, rotates their refresh tokens, and ends them (logout, reuse, password change). */
@Service
public class Sessions {
    /** Longer than any token this service hands out; anything longer is not ours and not worth hashing. */
    private static final int MAX_TOKEN_LENGTH = 256;

    private final SessionRepository repository;
    private final RefreshTokenCodec codec;
    private final RevocationPublisher revocations;
    private final SessionProperties props;
    private final TransactionOperations tx;
    private final Clock clock = Clock.systemUTC();

    public Sessions(SessionRepository repository, RefreshTokenCodec codec, RevocationPublisher revocations,
            SessionProperties props, TransactionOperations tx) {
        this.repository = repository;
        this.codec = codec;
        this.revocations = revocations;
        this.props = props;
        this.tx = tx;
    }

    /** A new session for {@code userId}; joins the caller's transaction (registration opens one with the account). */
    @Transactional
    public OpenedSession open(UUID userId) {
        Instant now = clock.instant();
        UUID sessionId = UUID.randomUUID();
        RefreshToken token = newToken(now);
        repository.insertSession(sessionId, userId, now, token.expiresAt());
        repository.insertToken(codec.hash(token.value()), sessionId, now, token.expiresAt());
        return new OpenedSession(sessionId, userId, token);
    }

    /**
     * Spends {@code presented} and hands out its successor in the same session. A token spent before means it
     * leaked (or was stolen): the whole session ends and the answer is 401 {@code refresh_token_reused}.
     */
    public OpenedSession rotate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > MAX_TOKEN_LENGTH) {
            throw invalid("No valid refresh token: send it as refreshToken or in the " + RefreshCookie.NAME + " cookie.");
        }
        byte[] hash = codec.hash(presented.trim());
        Outcome outcome = tx.execute(status -> {
            Instant now = clock.instant();
            Optional<StoredRefreshToken> stored = repository.findTokenForUpdate(hash);
            if (stored.isEmpty()) {
                return Outcome.of(RotationRules.Verdict.UNKNOWN, null);
            }
            StoredRefreshToken token = stored.get();
            RotationRules.Verdict verdict = RotationRules.judge(token, now);
            return switch (verdict) {
                case ROTATE -> {
                    RefreshToken next = newToken(now);
                    repository.markSpent(hash, now);
                    repository.insertToken(codec.hash(next.value()), token.sessionId(), now, next.expiresAt());
                    repository.extendSession(token.sessionId(), now, next.expiresAt());
                    yield Outcome.of(verdict, new OpenedSession(token.sessionId(), token.userId(), next));
                }
                case REUSED -> {
                    repository.revoke(token.sessionId(), now, "refresh_token_reused");
                    yield Outcome.of(verdict, new OpenedSession(token.sessionId(), token.userId(), null));
                }
                default -> Outcome.of(verdict, null);
            };
        });
        return switch (outcome.verdict()) {
            case ROTATE -> outcome.session();
            case REUSED -> {
                revocations.publishAfterCommit(List.of(outcome.session().sessionId()));
                throw new ApiException(org.springframework.http.HttpStatus.UNAUTHORIZED, ErrorCodes.REFRESH_TOKEN_REUSED,
                        "This refresh token was used before; the session has been ended for safety. Sign in again.");
            }
            case EXPIRED -> throw invalid("The refresh token has expired; sign in again.");
            case SESSION_ENDED -> throw invalid("The session has ended; sign in again.");
            case UNKNOWN -> throw invalid("The refresh token is not valid; sign in again.");
        };
    }

    /** Ends one session of {@code userId} (logout): refresh tokens die now, access tokens everywhere within a second. */
    @Transactional
    public void end(UUID sessionId, UUID userId) {
        repository.revokeOwned(sessionId, userId, clock.instant(), "logout");
        // Publish even when it was revoked before: a repeated logout is harmless and heals a missed publish.
        revocations.publishAfterCommit(List.of(sessionId));
    }

    /** Ends every session of {@code userId} except {@code keep} (after a password change). */
    @Transactional
    public List<UUID> endAllExcept(UUID userId, UUID keep, String reason) {
        List<UUID> ended = repository.revokeAllOfUserExcept(userId, keep, clock.instant(), reason);
        revocations.publishAfterCommit(ended);
        return ended;
    }

    private RefreshToken newToken(Instant now) {
        return new RefreshToken(codec.generate(), now.plus(props.refreshTokenTtl()));
    }

    private static ApiException invalid(String message) {
        return ApiException.unauthorized(ErrorCodes.REFRESH_TOKEN_INVALID, message);
    }

    private record Outcome(RotationRules.Verdict verdict, OpenedSession session) {
        static Outcome of(RotationRules.Verdict verdict, OpenedSession session) {
            return new Outcome(verdict, session);
        }
    }
}
