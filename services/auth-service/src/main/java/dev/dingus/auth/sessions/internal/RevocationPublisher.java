package dev.dingus.auth.sessions.internal;

import dev.dingus.contracts.security.AccessTokenLifetime;
import dev.dingus.platform.web.config.DingusProperties;
import dev.dingus.platform.web.security.RevokedSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every service that sessions ended, through {@link RevokedSessions} (Redis key + pub/sub). Runs after
 * the revocation committed; if Redis is unreachable the database still says "unpublished" and
 * {@link #retryUnpublished()} tries again until it worked or the session's access tokens are refused anyway (their
 * lifetime plus the clock skew they are accepted for, {@link AccessTokenLifetime#revocationLifetime}).
 */
@Component
public class RevocationPublisher {
    private static final Logger log = LoggerFactory.getLogger(RevocationPublisher.class);
    private static final int RETRY_BATCH = 500;

    private final RevokedSessions revokedSessions;
    private final SessionRepository repository;
    private final Duration retryWindow;
    private final Clock clock = Clock.systemUTC();

    public RevocationPublisher(RevokedSessions revokedSessions, SessionRepository repository, DingusProperties props) {
        this.revokedSessions = revokedSessions;
        this.repository = repository;
        this.retryWindow = AccessTokenLifetime.revocationLifetime(props.security().accessTokenTtl());
    }

    public void publishAfterCommit(List<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(sessionIds);
                }
            });
        } else {
            publish(sessionIds);
        }
    }

    @Scheduled(fixedDelayString = "${dingus.auth.sessions.revocation-retry:5s}")
    public void retryUnpublished() {
        try {
            List<UUID> pending = repository.unpublishedRevocations(clock.instant().minus(retryWindow), RETRY_BATCH);
            if (!pending.isEmpty()) {
                publish(pending);
            }
        } catch (RuntimeException e) {
            log.warn("Could not retry unpublished session revocations: {}", e.getMessage());
        }
    }

    private void publish(List<UUID> sessionIds) {
        try {
            for (UUID sessionId : sessionIds) {
                revokedSessions.revoke(sessionId.toString());
            }
            repository.markPublished(sessionIds, clock.instant());
        } catch (RuntimeException e) {
            // This instance already refuses them (RevokedSessions remembers locally first); the retry informs the rest.
            log.warn("Session revocations not yet published ({} sessions), will retry: {}", sessionIds.size(), e.getMessage());
        }
    }
}
