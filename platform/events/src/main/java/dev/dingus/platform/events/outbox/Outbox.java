package dev.dingus.platform.events.outbox;

import dev.dingus.platform.events.TimeOrderedIds;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Save, then publish" without losing either: {@link #publish} writes the event in the caller's database
 * transaction; {@link OutboxRelay} sends it to RabbitMQ after the commit (and again after any failure).
 */
public class Outbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String producer;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, JsonMapper json, String producer, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.producer = producer;
        this.relay = relay;
    }

    /** Records an event of {@code type} with {@code payload} as data; must run inside a transaction. */
    public UUID publish(String type, Object payload) {
        return publishAll(type, List.of(payload)).getFirst();
    }

    /**
     * Records one event of {@code type} per payload, relayed in this order; must run inside a transaction.
     * One statement for all of them: a group commit of many changes pays one round trip, not one per event.
     */
    public List<UUID> publishAll(String type, List<?> payloads) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the change it reports");
        }
        if (payloads.isEmpty()) {
            return List.of();
        }
        UUID[] ids = new UUID[payloads.size()];
        String[] bodies = new String[payloads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TimeOrderedIds.next();
            bodies[i] = json.writeValueAsString(payloads.get(i));
        }
        // position (BIGSERIAL) is drawn row by row in ordinality order, so the relay keeps the callers' order.
        jdbc.sql("""
                INSERT INTO dingus_outbox (id, type, occurred_at, producer, payload)
                SELECT e.id, ?, ?, ?, e.payload::jsonb
                FROM unnest(?::uuid[], ?::text[]) WITH ORDINALITY AS e(id, payload, ord) ORDER BY e.ord""")
                .params(type, Timestamp.from(Instant.now()), producer, ids, bodies)
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return List.of(ids);
    }
}
