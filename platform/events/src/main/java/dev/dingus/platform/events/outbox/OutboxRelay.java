package dev.dingus.platform.events.outbox;

import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventsProperties;
import dev.dingus.platform.events.EventPublisher;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed outbox rows to RabbitMQ in commit order and deletes them only after the broker confirmed
 * them. Rows are locked with SKIP LOCKED, so several instances of a service can relay side by side. While
 * RabbitMQ is down the rows simply wait; the relay retries with a growing pause.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final EventsProperties props;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, JsonMapper json, EventsProperties props) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.json = json;
        this.props = props;
    }

    public void wakeUp() {
        wake.release();
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                if (backoff > 0) {
                    wake.tryAcquire(backoff, TimeUnit.MILLISECONDS);
                } else if (wake.tryAcquire(props.relayInterval().toMillis(), TimeUnit.MILLISECONDS)
                        && !props.relayLinger().isZero()) {
                    // Woken by a commit: the commits of the next moment go in the same batch, not one batch each.
                    Thread.sleep(props.relayLinger());
                }
                wake.drainPermits();
                while (running && relayBatch() == props.relayBatchSize()) {
                    // a full batch: more may be waiting
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(250, backoff * 2));
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff, e.getMessage());
            }
        }
    }

    /** Publishes one batch; returns how many events were sent. Visible for tests. */
    public int relayBatch() {
        Integer sent = tx.execute(status -> {
            // The commit need not wait for the disk: were it lost in a crash, the rows would be relayed again, which
            // consumers already handle (they dedupe by event id, as after a crash between confirm and commit).
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
            List<EventEnvelope> batch = jdbc.sql("""
                    SELECT id, type, occurred_at, producer, payload::text AS payload FROM dingus_outbox
                    ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(props.relayBatchSize())
                    .query((rs, n) -> new EventEnvelope(rs.getObject("id", UUID.class), rs.getString("type"),
                            rs.getTimestamp("occurred_at").toInstant(), rs.getString("producer"),
                            json.readTree(rs.getString("payload"))))
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishConfirmed(batch);
            jdbc.sql("DELETE FROM dingus_outbox WHERE id = ANY(?)")
                    .param(batch.stream().map(EventEnvelope::id).toArray(UUID[]::new))
                    .update();
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Number of events waiting to be relayed (for health and metrics). */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM dingus_outbox").query(Long.class).single();
    }
}
