package dev.dingus.platform.events;

/**
 * Implement as a bean to consume one event type. Each event id is handled once per service even when
 * RabbitMQ delivers it again; a handler that throws is retried, then the event goes to the dead-letter queue.
 * With a database, the handler runs in the same transaction that records the event as processed.
 */
public interface EventHandler<T> {
    String type();

    Class<T> payloadType();

    void handle(T payload, EventEnvelope envelope);
}
