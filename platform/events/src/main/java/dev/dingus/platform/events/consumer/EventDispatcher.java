package dev.dingus.platform.events.consumer;

import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each delivered event to the handler of its type, once per event id (events the handler says do not
 * concern it are dropped before any of that). A handler failure is retried a
 * few times; then the message is rejected without requeue and RabbitMQ dead-letters it.
 */
public class EventDispatcher implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int ATTEMPTS = 3;

    private final Map<String, EventHandler<?>> handlers;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public EventDispatcher(List<EventHandler<?>> handlers, ProcessedEvents processed, TransactionTemplate tx, JsonMapper json) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.processed = processed;
        this.tx = tx;
        this.json = json;
    }

    public java.util.Set<String> types() {
        return handlers.keySet();
    }

    @Override
    public void onMessage(Message message) {
        EventEnvelope envelope;
        try {
            envelope = json.readValue(message.getBody(), EventEnvelope.class);
        } catch (RuntimeException e) {
            throw new AmqpRejectAndDontRequeueException("Unreadable event envelope", e);
        }
        EventHandler<?> handler = handlers.get(envelope.type());
        if (handler == null || envelope.id() == null) {
            return;
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                handleOnce(handler, envelope);
                return;
            } catch (RuntimeException e) {
                last = e;
                log.warn("Handling event {} of type {} failed (attempt {}/{}): {}", envelope.id(), envelope.type(),
                        attempt, ATTEMPTS, e.toString());
                sleep(200L * attempt);
            }
        }
        throw new AmqpRejectAndDontRequeueException("Event " + envelope.id() + " failed " + ATTEMPTS + " times", last);
    }

    private <T> void handleOnce(EventHandler<T> handler, EventEnvelope envelope) {
        T payload = json.treeToValue(envelope.data(), handler.payloadType());
        if (!handler.concerns(payload)) {
            return; // no effect to protect: no transaction, no processed-event row
        }
        if (tx == null) {
            if (processed.markProcessed(envelope.id())) {
                try {
                    handler.handle(payload, envelope);
                } catch (RuntimeException e) {
                    processed.forget(envelope.id());
                    throw e;
                }
            }
            return;
        }
        tx.executeWithoutResult(status -> {
            if (processed.markProcessed(envelope.id())) {
                handler.handle(payload, envelope);
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
