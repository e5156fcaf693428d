package dev.dingus.platform.events.outbox;

import dev.dingus.platform.events.EventEnvelope;
import java.util.List;

/**
 * Told of every batch the outbox relay has published and removed, whichever instance wrote the rows. The relay
 * is the one path every committed change takes even when the instance that committed it died right after the
 * commit, so a service can repair here what that instance's after-commit work would have done (message-service:
 * its latest-page cache). Called on the relay's thread, after the commit; must be quick and must not throw.
 */
@FunctionalInterface
public interface RelayedEventsListener {
    void relayed(List<EventEnvelope> events);
}
