package dev.dingus.platform.events;

import java.util.Map;

/**
 * The AMQP headers an event is published with, next to its routing key (the type): facts from its payload that
 * let a consumer bind to a subset of the type ({@link EventHandler#onlyWithHeaders}). A producing service
 * declares one as a bean; without one, events carry none.
 */
@FunctionalInterface
public interface EventHeaders {
    EventHeaders NONE = event -> Map.of();

    Map<String, String> of(EventEnvelope event);
}
