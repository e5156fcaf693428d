package dev.dingus.notifications.inbox.internal;

import dev.dingus.notifications.core.NotificationsProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What keeps the inbox's tables bounded: retractions older than {@code retracted-retention} are forgotten, and each
 * recipient keeps only their newest {@code max-per-user} notifications ({@link InboxCap}). Every statement deletes
 * at most {@link #BATCH} rows in its own short transaction. Every node runs it without coordination: deleting what
 * lies past a cutoff or a rank gives the same result whoever runs it, and how often.
 */
@Component
public class InboxCleanup {
    private static final Logger log = LoggerFactory.getLogger(InboxCleanup.class);
    /** Rows per delete statement: no run holds many row locks or a long transaction. */
    static final int BATCH = 1_000;

    private final RetractedMessages retracted;
    private final InboxCap cap;
    private final NotificationsProperties props;
    private final Clock clock = Clock.systemUTC();

    InboxCleanup(RetractedMessages retracted, InboxCap cap, NotificationsProperties props) {
        this.retracted = retracted;
        this.cap = cap;
        this.props = props;
    }

    /** Not a whole interval after start: a service restarted more often than that would never clean up. */
    @Scheduled(initialDelayString = "1m", fixedDelayString = "${dingus.notifications.cleanup-interval:1h}")
    void scheduled() {
        try {
            Cleaned cleaned = run();
            if (cleaned.retractions() + cleaned.notifications() > 0) {
                log.info("Inbox cleanup deleted {} notifications beyond {} per user and {} retractions older than {}",
                        cleaned.notifications(), props.maxPerUser(), cleaned.retractions(), props.retractedRetention());
            }
        } catch (RuntimeException e) {
            log.warn("Inbox cleanup failed, trying again in {}: {}", props.cleanupInterval(), e.getMessage());
        }
    }

    /** One cleanup, batch by batch; visible for tests. */
    public Cleaned run() {
        Instant cutoff = clock.instant().minus(props.retractedRetention());
        long retractions = 0;
        int batch;
        do {
            batch = retracted.forgetRetractedBefore(cutoff, BATCH);
            retractions += batch;
        } while (batch == BATCH);
        long notifications = 0;
        for (UUID recipient : cap.overfull(props.maxPerUser())) {
            do {
                batch = cap.trim(recipient, props.maxPerUser(), BATCH);
                notifications += batch;
            } while (batch == BATCH);
        }
        return new Cleaned(retractions, notifications);
    }

    /** What one run deleted. */
    public record Cleaned(long retractions, long notifications) {}
}
