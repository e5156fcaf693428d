package dev.dingus.platform.events.outbox;

import java.sql.Timestamp;
import java.time.Instant;
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish must run inside the transaction of the change it reports");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO dingus_outbox (id, type, occurred_at, producer, payload) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(id, type, Timestamp.from(Instant.now()), producer, json.writeValueAsString(payload))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.wakeUp();
            }
        });
        return id;
    }
}
