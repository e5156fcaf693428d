package dev.dingus.platform.events.consumer;

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
}
