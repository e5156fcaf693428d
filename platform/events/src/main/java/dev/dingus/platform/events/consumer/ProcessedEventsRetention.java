package dev.dingus.platform.events.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code dingus_processed_events} from growing forever: every {@code interval} it deletes the ids
 * processed more than {@code retention} ago, {@code batchSize} rows per statement, each statement its own
 * transaction, so it never holds a long transaction or many locks. Every node of a service runs it and
 * needs no coordination with the others: deleting what is older than a cutoff gives the same result
 * however often and by whomever it runs, and concurrent runs skip each other's rows instead of waiting.
 */
public class ProcessedEventsRetention implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsRetention.class);
    /** Not during start-up, nor a whole interval after it: a service restarted more often would never prune. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    private final JdbcProcessedEvents processed;
    private final Duration retention;
    private final Duration interval;
    private final int batchSize;
    private final Clock clock = Clock.systemUTC();
    private volatile boolean stopping;
    private ScheduledExecutorService scheduler;

    public ProcessedEventsRetention(JdbcProcessedEvents processed, Duration retention, Duration interval, int batchSize) {
        this.processed = processed;
        this.retention = retention;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    /** Deletes every id processed longer than the retention ago, batch by batch; returns how many. Visible for tests. */
    public long prune() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        int batch;
        do {
            batch = processed.forgetProcessedBefore(cutoff, batchSize);
            deleted += batch;
        } while (batch == batchSize && !stopping);
        return deleted;
    }

    private void pruneAndLog() {
        try {
            long deleted = prune();
            String line = "Deleted {} processed event ids older than {}";
            if (deleted > 0) {
                log.info(line, deleted, retention);
            } else {
                log.debug(line, deleted, retention);
            }
        } catch (RuntimeException e) {
            // Caught so the next run still happens: a scheduled task that throws is never run again.
            log.warn("Deleting old processed event ids failed, trying again in {}: {}", interval, e.getMessage());
        }
    }

    @Override
    public void start() {
        stopping = false;
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("processed-events-retention").factory());
        long first = Math.min(FIRST_RUN_AFTER.toMillis(), interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::pruneAndLog, first, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets a running prune finish its current batch rather than interrupting its statement. */
    @Override
    public void stop() {
        stopping = true;
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
