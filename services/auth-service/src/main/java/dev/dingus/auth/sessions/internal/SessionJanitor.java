package dev.dingus.auth.sessions.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes what can no longer matter: refresh tokens a day past expiry (a spent one is kept until then, to
 * recognise its reuse) and sessions that ended a week ago.
 */
@Component
class SessionJanitor {
    private static final Logger log = LoggerFactory.getLogger(SessionJanitor.class);

    private final SessionRepository repository;
    private final Clock clock = Clock.systemUTC();

    SessionJanitor(SessionRepository repository) {
        this.repository = repository;
    }

    @Scheduled(fixedDelayString = "${dingus.auth.sessions.purge-interval:1h}", initialDelayString = "${dingus.auth.sessions.purge-interval:1h}")
    void purge() {
        Instant now = clock.instant();
        try {
            int removed = repository.purge(now.minus(Duration.ofDays(1)), now.minus(Duration.ofDays(7)));
            if (removed > 0) {
                log.info("Purged {} expired refresh tokens and ended sessions", removed);
            }
        } catch (RuntimeException e) {
            log.warn("Session purge failed: {}", e.getMessage());
        }
    }
}
