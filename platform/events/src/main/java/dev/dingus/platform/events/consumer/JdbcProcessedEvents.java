package dev.dingus.platform.events.consumer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Processed ids in the service's own database, written in the handler's transaction (exactly-once effect). */
public class JdbcProcessedEvents implements ProcessedEvents {
    private final JdbcClient jdbc;

    public JdbcProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(UUID eventId) {
        return jdbc.sql("INSERT INTO dingus_processed_events (event_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(eventId).update() == 1;
    }

    /**
     * Forgets at most {@code limit} ids processed before {@code cutoff}, oldest first; returns how many. Rows
     * another node is deleting at the same moment are skipped rather than waited for: that node removes them.
     * {@code = ANY (ARRAY(...))} keeps the delete on the primary key, where {@code IN (...)} may be planned as a
     * join over the whole table.
     */
    public int forgetProcessedBefore(Instant cutoff, int limit) {
        return jdbc.sql("""
                DELETE FROM dingus_processed_events WHERE event_id = ANY (ARRAY(
                    SELECT event_id FROM dingus_processed_events WHERE processed_at < ?
                    ORDER BY processed_at LIMIT ? FOR UPDATE SKIP LOCKED))""")
                .params(Timestamp.from(cutoff), limit)
                .update();
    }
}
