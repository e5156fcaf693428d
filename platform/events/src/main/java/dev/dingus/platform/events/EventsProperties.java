package dev.dingus.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code exchange}: the topic exchange; {@code queue}: this service's durable queue (its dead letters go to
 * {@code <queue>.dlq}); {@code temporary}: auto-delete exchange/queues, for tests that must not leave any
 * behind; {@code relayInterval}: how often the outbox is polled when nothing wakes the relay;
 * {@code relayLinger}: how long a woken relay waits for more commits to join its batch (events are not
 * latency-critical to the millisecond, and each batch costs two statements, a commit and a confirm wait).
 * {@code processedRetention}: how long a handled event id is remembered, so a redelivery within it changes
 * nothing; {@code processedPruneInterval} and {@code processedPruneBatchSize}: how often older ids are deleted
 * from the database, and how many per statement (each its own short transaction).
 */
@ConfigurationProperties("dingus.events")
public record EventsProperties(String exchange, String queue, boolean temporary, Duration relayInterval, Integer relayBatchSize,
        Duration relayLinger, Duration processedRetention, Duration processedPruneInterval, Integer processedPruneBatchSize) {
    public EventsProperties {
        relayInterval = positive("relay-interval", relayInterval, Duration.ofSeconds(1));
        relayBatchSize = positive("relay-batch-size", relayBatchSize, 200);
        if (relayLinger == null) {
            relayLinger = Duration.ofMillis(10);
        } else if (relayLinger.isNegative()) {
            throw new IllegalArgumentException("dingus.events.relay-linger must not be negative, was " + relayLinger);
        }
        processedRetention = positive("processed-retention", processedRetention, Duration.ofDays(7));
        processedPruneInterval = positive("processed-prune-interval", processedPruneInterval, Duration.ofHours(1));
        processedPruneBatchSize = positive("processed-prune-batch-size", processedPruneBatchSize, 10_000);
    }

    /** The same settings with the resolved exchange and queue names. */
    public EventsProperties withNames(String exchange, String queue) {
        return new EventsProperties(exchange, queue, temporary, relayInterval, relayBatchSize, relayLinger,
                processedRetention, processedPruneInterval, processedPruneBatchSize);
    }

    public String deadLetterExchange() { return exchange + ".dlx"; }
    public String deadLetterQueue() { return queue + ".dlq"; }
    /** The headers exchange between the topic exchange and this queue for a type it takes only some events of. */
    public String filterExchange(String type) { return queue + "." + type; }

    /** Unset takes the default; zero or negative is refused, at start-up, rather than pruning everything or spinning. */
    private static Duration positive(String name, Duration value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("dingus.events." + name + " must be positive, was " + value);
        }
        return value;
    }

    private static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("dingus.events." + name + " must be positive, was " + value);
        }
        return value;
    }
}
