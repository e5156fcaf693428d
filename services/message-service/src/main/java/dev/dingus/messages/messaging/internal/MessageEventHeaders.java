package dev.dingus.messages.messaging.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHeaders;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code message.created} carries its room's kind and whether it mentions anyone as AMQP headers
 * ({@link MessageCreated#amqpHeaders}), so that a consumer of only some messages (notification-service: DMs and
 * mentions) binds to those and the broker drops the rest. Most messages are neither. Storing and delivering each of
 * them only to be ignored cost RabbitMQ and the consumer more than the rest of publishing it.
 */
@Component
class MessageEventHeaders implements EventHeaders {
    private final JsonMapper json;

    MessageEventHeaders(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Map<String, String> of(EventEnvelope event) {
        if (!EventTypes.MESSAGE_CREATED.equals(event.type()) || event.data() == null) {
            return Map.of();
        }
        return json.treeToValue(event.data(), MessageCreated.class).amqpHeaders();
    }
}
