package dev.dingus.platform.events;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.List;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
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
    private final EventHeaders headers;

    public EventPublisher(RabbitTemplate rabbit, JsonMapper json, String exchange, String producer) {
        this(rabbit, json, exchange, producer, EventHeaders.NONE);
    }

    public EventPublisher(RabbitTemplate rabbit, JsonMapper json, String exchange, String producer, EventHeaders headers) {
        this.headers = headers;
        this.rabbit = rabbit;
        this.json = json;
        this.exchange = exchange;
        this.producer = producer;
    }

    /** Wraps {@code payload} in a new envelope and publishes it with confirmation (no outbox). */
    public EventEnvelope publishNow(String type, Object payload) {
        EventEnvelope envelope = new EventEnvelope(TimeOrderedIds.next(), type, java.time.Instant.now(), producer,
                json.valueToTree(payload));
        publishConfirmed(List.of(envelope));
        return envelope;
    }

    public void publishConfirmed(List<EventEnvelope> events) {
        // One channel for the whole batch, and one wait for all its confirms on that channel.
        rabbit.invoke(ops -> {
            long first = ops.execute(Channel::getNextPublishSeqNo);
            for (EventEnvelope event : events) {
                MessageProperties properties = new MessageProperties();
                properties.setMessageId(event.id().toString());
                properties.setType(event.type());
                properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                properties.setAppId(event.producer());
                headers.of(event).forEach(properties::setHeader);
                ops.send(exchange, event.type(), new Message(json.writeValueAsBytes(event), properties));
            }
            // Throws (and closes the channel) if the broker refused any of them or did not answer in time.
            ops.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            // Unless the broker closed the channel first (a channel error, a lost connection): Spring's cached channel
            // then goes on with a fresh one, whose wait had nothing to wait for. Only the channel that took every
            // publish counted them all, so a different count means some were never confirmed.
            long next = ops.execute(Channel::getNextPublishSeqNo);
            if (next != first + events.size()) {
                throw new AmqpIOException(new IOException("The channel closed before the broker confirmed "
                        + events.size() + " events"));
            }
            return null;
        });
    }
}
