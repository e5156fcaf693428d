package dev.dingus.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes envelopes to the topic exchange as persistent messages and waits for the broker's confirms;
 * throws if any is not confirmed, so the caller keeps the events and tries again. Services without a
 * database (presence) use it directly; the others go through the outbox.
 */
public class EventPublisher {
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final RabbitTemplate rabbit;
    private final JsonMapper json;
    private final String exchange;
    private final String producer;

    public EventPublisher(RabbitTemplate rabbit, JsonMapper json, String exchange, String producer) {
        this.rabbit = rabbit;
        this.json = json;
        this.exchange = exchange;
        this.producer = producer;
    }

    /** Wraps {@code payload} in a new envelope and publishes it with confirmation (no outbox). */
    public EventEnvelope publishNow(String type, Object payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, java.time.Instant.now(), producer,
                json.valueToTree(payload));
        publishConfirmed(List.of(envelope));
        return envelope;
    }

    public void publishConfirmed(List<EventEnvelope> events) {
        List<CorrelationData> pending = new ArrayList<>(events.size());
        // One channel for the whole batch: each send on its own would take a channel from the cache, and one
        // with confirms outstanding only returns once they arrived, so a batch kept opening new channels.
        rabbit.invoke(ops -> {
            for (EventEnvelope event : events) {
                MessageProperties properties = new MessageProperties();
                properties.setMessageId(event.id().toString());
                properties.setType(event.type());
                properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                properties.setAppId(event.producer());
                CorrelationData correlation = new CorrelationData(event.id().toString());
                ops.send(exchange, event.type(), new Message(json.writeValueAsBytes(event), properties), correlation);
                pending.add(correlation);
            }
            return null;
        });
        for (CorrelationData correlation : pending) {
            try {
                CorrelationData.Confirm confirm = correlation.getFuture().get(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                if (!confirm.ack()) {
                    throw new IllegalStateException("RabbitMQ refused event " + correlation.getId() + ": " + confirm.reason());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for RabbitMQ confirms", e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("No confirm from RabbitMQ for event " + correlation.getId(), e);
            }
        }
    }
}
