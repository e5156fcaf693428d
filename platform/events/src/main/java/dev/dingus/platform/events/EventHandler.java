package dev.dingus.platform.events;

import java.util.List;
import java.util.Map;

/**
 * Implement as a bean to consume one event type. Each event id is handled once per service even when
 * RabbitMQ delivers it again, as long as that is within {@code dingus.events.processed-retention} (7 days) of
 * handling it; a handler that throws is retried, then the event goes to the dead-letter queue.
 * With a database, the handler runs in the same transaction that records the event as processed.
 */
public interface EventHandler<T> {
    String type();

    Class<T> payloadType();

    /**
     * A cheap look at the payload before anything else: false says the event can have no effect here (e.g. a
     * message that mentions nobody), so it is acknowledged without a transaction and without being recorded as
     * processed. Decide from the payload alone, never from state: a redelivered copy must get the same answer,
     * which is what keeps effects exactly-once. The default concerns every event.
     */
    default boolean concerns(T payload) {
        return true;
    }

    /**
     * Narrows the subscription: when not empty, only events of {@link #type} whose AMQP headers hold every pair of
     * at least one of these maps reach this service's queue; the broker drops the others before storing them. The
     * producer sets the headers ({@link EventHeaders}). {@link #concerns} should still check the same from the
     * payload. Empty (the default): every event of the type.
     */
    default List<Map<String, String>> onlyWithHeaders() {
        return List.of();
    }

    void handle(T payload, EventEnvelope envelope);
}
