package dev.dingus.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code exchange}: the topic exchange; {@code queue}: this service's durable queue (its dead letters go to
 * {@code <queue>.dlq}); {@code temporary}: auto-delete exchange/queues, for tests that must not leave any
 * behind; {@code relayInterval}: how often the outbox is polled when nothing wakes the relay;
 * {@code relayLinger}: how long a woken relay waits for more commits to join its batch (events are not
 * latency-critical to the millisecond, and each batch costs two statements, a commit and a confirm wait).
 */
@ConfigurationProperties("dingus.events")
public record EventsProperties(String exchange, String queue, boolean temporary, Duration relayInterval, int relayBatchSize,
        Duration relayLinger) {
    public EventsProperties {
        if (relayInterval == null) relayInterval = Duration.ofSeconds(1);
        if (relayBatchSize <= 0) relayBatchSize = 200;
        if (relayLinger == null) relayLinger = Duration.ofMillis(10);
    }

    public String deadLetterExchange() { return exchange + ".dlx"; }
    public String deadLetterQueue() { return queue + ".dlq"; }
}
