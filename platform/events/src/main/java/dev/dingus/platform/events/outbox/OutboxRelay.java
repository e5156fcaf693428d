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
 * Sends committed outbox rows to RabbitMQ in position order and deletes them only after the broker confirmed
 * them; each poll reads only what was written since the last one (ADR 0016). Rows are locked with SKIP LOCKED,
 * so several instances of a service can relay side by side. While RabbitMQ is down the rows simply wait; the
 * relay retries with a growing pause.
 */
public class OutboxRelay extends WakeableLoop {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long MAX_BACKOFF_MS = 5_000;
    static final Duration RESCAN_EVERY = Duration.ofSeconds(30);

    /**
     * Rows above the cursor (fresh) and rows at or below it from transactions still running at the last poll
     * (late), each half on its own index. Parameters: cursor, batch size, cursor, horizon, cursor, batch size.
     */
    static final String POLL = """
            WITH fresh AS (
              SELECT position, id, type, occurred_at, producer, payload FROM dingus_outbox
              WHERE position > ? ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED),
            late AS (
              SELECT position, id, type, occurred_at, producer, payload FROM dingus_outbox
              WHERE ?::bigint > 0 AND txid >= ?::text::xid8 AND position <= ? ORDER BY txid LIMIT ?
              FOR UPDATE SKIP LOCKED)
            SELECT false AS late, position, id, type, occurred_at, producer, payload::text AS payload FROM fresh
            UNION ALL
            SELECT true, position, id, type, occurred_at, producer, payload::text FROM late
            ORDER BY position""";
    static final String DELETE_RELAYED = "DELETE FROM dingus_outbox WHERE id = ANY(?)";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final EventPublisher publisher;
    private final JsonMapper json;
    private final EventsProperties props;
    private final List<RelayedEventsListener> listeners;
    /** The highest position relayed since the last rescan: rows above it are new. */
    private long cursor;
    /** Rows at or below the cursor can only appear from transactions with an id at least this (xid8). */
    private long lateHorizon;
    private long lastRescan = System.nanoTime();

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, EventPublisher publisher, JsonMapper json, EventsProperties props,
            List<RelayedEventsListener> listeners) {
        super("outbox-relay", Duration.ofSeconds(5));
        this.jdbc = jdbc;
        this.tx = tx;
        this.publisher = publisher;
        this.json = json;
        this.props = props;
        this.listeners = List.copyOf(listeners);
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
                while (isRunning() && relayBatch() >= props.relayBatchSize()) {
                    // a full batch: more may be waiting
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(MAX_BACKOFF_MS, Math.max(250, backoff * 2));
                rescanFromStart();
                log.warn("Outbox relay could not publish, retrying in {} ms: {}", backoff, e.getMessage());
            }
        }
    }

    /**
     * Publishes one batch; returns how many events were sent. Visible for tests.
     *
     * <p>Published rows are deleted, and a deleted row stays in the table and its index until VACUUM. Scanning the
     * outbox from its start walked over all of them on every poll: at a few thousand events a second, with
     * autovacuum a minute away (or off), each empty poll cost milliseconds and PostgreSQL's CPU grew with every
     * minute of traffic. So the relay remembers where it is: new rows are those above the last position it
     * relayed, and the only rows that can still appear at or below it are those of transactions that were running
     * at its last poll, found by their transaction id (ADR 0016).
     */
    public synchronized int relayBatch() {
        if (System.nanoTime() - lastRescan > RESCAN_EVERY.toNanos()) {
            rescanFromStart();
        }
        long after = cursor;
        long lateFrom = lateHorizon;
        Polled polled = tx.execute(status -> {
            // The commit need not wait for the disk: were it lost in a crash, the rows would be relayed again, which
            // consumers already handle (they dedupe by event id, as after a crash between confirm and commit).
            // The horizon: every transaction with a smaller id had ended when this snapshot was taken.
            long horizon = jdbc.sql("SELECT set_config('synchronous_commit', 'off', true), "
                            + "pg_snapshot_xmin(pg_current_snapshot())::text")
                    .query((rs, n) -> Long.parseLong(rs.getString(2))).single();
            List<Row> rows = jdbc.sql(POLL)
                    .params(after, props.relayBatchSize(), after, Long.toString(lateFrom), after, props.relayBatchSize())
                    .query((rs, n) -> new Row(rs.getBoolean("late"), rs.getLong("position"), new EventEnvelope(
                            rs.getObject("id", UUID.class), rs.getString("type"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("producer"), json.readTree(rs.getString("payload")))))
                    .list();
            if (!rows.isEmpty()) {
                publisher.publishConfirmed(rows.stream().map(Row::event).toList());
                jdbc.sql(DELETE_RELAYED)
                        .param(rows.stream().map(r -> r.event().id()).toArray(UUID[]::new))
                        .update();
            }
            return new Polled(rows, horizon);
        });
        // Only after the commit: a batch that failed is polled again from where it was.
        long lateRows = polled.rows().stream().filter(Row::late).count();
        polled.rows().stream().filter(r -> !r.late()).mapToLong(Row::position).max().ifPresent(p -> cursor = p);
        if (lateRows < props.relayBatchSize()) {
            // All late rows of transactions older than the horizon were in this batch; a full late batch may have left some.
            lateHorizon = Math.max(lateHorizon, polled.horizon());
        }
        if (!polled.rows().isEmpty()) {
            tellListeners(polled.rows().stream().map(Row::event).toList());
        }
        return polled.rows().size();
    }

    /** A listener's failure is its own: the batch is relayed and stays relayed. */
    private void tellListeners(List<EventEnvelope> events) {
        for (RelayedEventsListener listener : listeners) {
            try {
                listener.relayed(events);
            } catch (RuntimeException e) {
                log.warn("A listener of relayed events failed: {}", e.toString());
            }
        }
    }

    /**
     * Forgets the position reached, so the next poll looks at the whole outbox again. Done every
     * {@link #RESCAN_EVERY} and after a failure: another instance may have held rows locked (SKIP LOCKED) when this
     * one passed them, and then failed to relay them.
     */
    public synchronized void rescanFromStart() {
        cursor = 0;
        lateHorizon = 0;
        lastRescan = System.nanoTime();
    }

    private record Row(boolean late, long position, EventEnvelope event) {}

    private record Polled(List<Row> rows, long horizon) {}

    /** Number of events waiting to be relayed (for health and metrics). */
    public long pending() {
        return jdbc.sql("SELECT count(*) FROM dingus_outbox").query(Long.class).single();
    }
}
