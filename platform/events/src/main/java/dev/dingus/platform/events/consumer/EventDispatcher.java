package dev.dingus.platform.events.consumer;

import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each delivered event to the handler of its type, once per event id (events the handler says do not
 * concern it are dropped before any of that). A handler failure is retried a
 * few times; then the message is rejected without requeue and RabbitMQ dead-letters it. A failure to reach the
 * service's database or Redis is not the event's fault: the event waits, in order, until they answer (ADR 0001).
 * Dead-lettering it would lose it for good: a member's removal, say, would never reach this service.
 */
public class EventDispatcher implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);
    private static final int ATTEMPTS = 3;
    private static final long FIRST_OUTAGE_PAUSE_MS = 250;
    private static final long MAX_OUTAGE_PAUSE_MS = 5_000;

    private final Map<String, EventHandler<?>> handlers;
    private final ProcessedEvents processed;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    /** False once the listener container stops: an event waiting out an outage then goes back to its queue. */
    private final BooleanSupplier consuming;

    public EventDispatcher(List<EventHandler<?>> handlers, ProcessedEvents processed, TransactionTemplate tx, JsonMapper json,
            BooleanSupplier consuming) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.processed = processed;
        this.tx = tx;
        this.json = json;
        this.consuming = consuming;
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
        int failures = 0;
        long outagePause = 0;
        long outageStarted = 0;
        while (true) {
            try {
                handleOnce(handler, envelope);
                if (outagePause > 0) {
                    log.info("Handled event {} of type {} after waiting {} ms for its stores", envelope.id(), envelope.type(),
                            (System.nanoTime() - outageStarted) / 1_000_000);
                }
                return;
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    if (outagePause == 0) {
                        outageStarted = System.nanoTime();
                        log.warn("Event {} of type {} waits: a store is unreachable ({})", envelope.id(), envelope.type(), e.toString());
                    }
                    if (!mayWait()) {
                        throw new ImmediateRequeueAmqpException("Stopping while event " + envelope.id() + " waits for its stores", e);
                    }
                    outagePause = longer(outagePause);
                    sleep(outagePause);
                    continue;
                }
                failures++;
                log.warn("Handling event {} of type {} failed (attempt {}/{}): {}", envelope.id(), envelope.type(),
                        failures, ATTEMPTS, e.toString());
                if (failures == ATTEMPTS) {
                    throw new AmqpRejectAndDontRequeueException("Event " + envelope.id() + " failed " + ATTEMPTS + " times", e);
                }
                sleep(200L * failures);
            }
        }
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
                    takeBackMark(envelope);
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

    /**
     * Forgets that the event was processed after its handler failed, waiting out an outage of the store that holds
     * the mark (the handler most likely failed for the same outage). A mark left behind would make the redelivered
     * event look handled: it would be lost.
     */
    private void takeBackMark(EventEnvelope envelope) {
        long pause = 0;
        while (true) {
            try {
                processed.forget(envelope.id());
                return;
            } catch (RuntimeException e) {
                if (!Outages.isOutage(e) || !mayWait()) {
                    log.error("Event {} of type {} stays marked as processed although its handler failed: {}",
                            envelope.id(), envelope.type(), e.toString());
                    throw e;
                }
                pause = longer(pause);
                sleep(pause);
            }
        }
    }

    /** Waiting out an outage makes sense only while the container consumes and this thread is not interrupted. */
    private boolean mayWait() {
        return consuming.getAsBoolean() && !Thread.currentThread().isInterrupted();
    }

    /** The next pause of a wait for a store: 250 ms first, then twice the last, at most 5 s. */
    private static long longer(long pause) {
        return pause == 0 ? FIRST_OUTAGE_PAUSE_MS : Math.min(MAX_OUTAGE_PAUSE_MS, pause * 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
