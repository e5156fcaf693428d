package dev.dingus.platform.events.consumer;

import java.util.UUID;

/** Remembers which event ids a service has handled, so a redelivered event changes nothing. */
public interface ProcessedEvents {
    /** Records {@code eventId}; false if it was recorded before (the event is a duplicate). */
    boolean markProcessed(UUID eventId);

    /** Undoes {@link #markProcessed} after a failed handler, where no transaction does it. */
    default void forget(UUID eventId) {}
}
