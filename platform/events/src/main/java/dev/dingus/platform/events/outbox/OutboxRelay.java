package dev.dingus.platform.events.outbox;

import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventsProperties;
import dev.dingus.platform.events.EventPublisher;
import dev.dingus.platform.events.worker.WakeableLoop;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed outbox rows to RabbitMQ in commit order and deletes them only after the broker confirmed
 * them. Rows are locked with SKIP LOCKED, so several instances of a service can relay side by side. While
 * RabbitMQ is down the rows simply wait; the relay retries with a growing pause.
 */
public class OutboxRelay extends WakeableLoop {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final EventsProperties props;
    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, JsonMapper json, EventsProperties props) {
        super("outbox-relay", Duration.ofSeconds(5));
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.json = json;
        this.props = props;
    }

    @Override
    protected void run() {
        long backoff = 0;
        while (isRunning()) {
            try {
                if (backoff > 0) {
                    awaitWakeUp(Duration.ofMillis(backoff));
                } else if (awaitWakeUp(props.relayInterval()) && !props.relayLinger().isZero()) {
                    // Woken by a commit: the commits of the next moment go in the same batch, not one batch each.
                    Thread.sleep(props.relayLinger());
                }
                forgetWakeUps();
                while (isRunning() && relayBatch() == props.relayBatchSize()) {
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
