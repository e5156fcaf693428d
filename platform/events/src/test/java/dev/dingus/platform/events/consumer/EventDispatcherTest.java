package dev.dingus.platform.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventHandler;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import tools.jackson.databind.json.JsonMapper;

/** How the dispatcher tells an event's failure from its stores' outage (the real stores: OutboxAndConsumerIT, message-service's PostgresOutageIT). */
class EventDispatcherTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<UUID> processed = ConcurrentHashMap.newKeySet();
    private final ProcessedEvents inMemory = new ProcessedEvents() {
        @Override
        public boolean markProcessed(UUID eventId) {
            return processed.add(eventId);
        }

        @Override
        public void forget(UUID eventId) {
            processed.remove(eventId);
        }
    };

    @Test
    void anEventWhoseStoresAreUnreachableWaitsForThemInsteadOfBeingDeadLettered() {
        // More failures than the three attempts an event's own failure gets.
        FailingHandler handler = new FailingHandler(4, () -> new CannotCreateTransactionException("no connection",
                new CannotGetJdbcConnectionException("pool", new SQLException("Connection refused", "08001"))));
        EventDispatcher dispatcher = new EventDispatcher(List.of(handler), inMemory, null, json, () -> true);

        dispatcher.onMessage(message());

        assertThat(handler.calls).hasValue(5);
        assertThat(handler.handled).hasValue(1);
    }

    @Test
    void aFailureOfTheHandlerItselfIsDeadLetteredAfterThreeAttempts() {
        FailingHandler handler = new FailingHandler(Integer.MAX_VALUE, () -> new IllegalStateException("a bug"));
        EventDispatcher dispatcher = new EventDispatcher(List.of(handler), inMemory, null, json, () -> true);

        assertThatThrownBy(() -> dispatcher.onMessage(message())).isInstanceOf(AmqpRejectAndDontRequeueException.class);
        assertThat(handler.calls).hasValue(3);
    }

    @Test
    void anEventWaitingForItsStoresGoesBackToTheQueueWhenConsumingStops() {
        AtomicBoolean consuming = new AtomicBoolean(true);
        FailingHandler handler = new FailingHandler(Integer.MAX_VALUE, () -> {
            consuming.set(false); // the container stops while the store is away
            return new DataAccessResourceFailureException("Unable to connect to Redis");
        });
        EventDispatcher dispatcher = new EventDispatcher(List.of(handler), inMemory, null, json, consuming::get);

        assertThatThrownBy(() -> dispatcher.onMessage(message())).isInstanceOf(ImmediateRequeueAmqpException.class);
        assertThat(processed).as("not recorded as processed: it is handled when redelivered").isEmpty();
    }

    @Test
    void aMarkTheHandlerCouldNotLiveUpToIsTakenBackOnceTheStoreIsBackSoTheEventIsNotLost() {
        // Redis goes away between marking the event and handling it: the handler fails, and so do the first tries to
        // take the mark back. Left in place, the mark would make the retried event look handled.
        AtomicInteger forgetFailures = new AtomicInteger(2);
        ProcessedEvents flakyRedis = new ProcessedEvents() {
            @Override
            public boolean markProcessed(UUID eventId) {
                return processed.add(eventId);
            }

            @Override
            public void forget(UUID eventId) {
                if (forgetFailures.getAndDecrement() > 0) {
                    throw new org.springframework.data.redis.RedisConnectionFailureException("down");
                }
                processed.remove(eventId);
            }
        };
        FailingHandler handler = new FailingHandler(1,
                () -> new org.springframework.data.redis.RedisConnectionFailureException("down"));
        EventDispatcher dispatcher = new EventDispatcher(List.of(handler), flakyRedis, null, json, () -> true);

        dispatcher.onMessage(message());

        assertThat(handler.handled).hasValue(1);
        assertThat(forgetFailures.get()).as("the mark was taken back after two failed tries").isNegative();
    }

    @Test
    void onlyFailuresToReachAStoreCountAsOutages() {
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(Outages.isOutage(new java.sql.SQLTransientConnectionException("request timed out"))).isTrue();
        assertThat(Outages.isOutage(new org.springframework.data.redis.RedisConnectionFailureException("down"))).isTrue();
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Outages.isOutage(new IllegalArgumentException("bad payload"))).isFalse();
    }

    @Test
    void theSqlStateDecidesOverTheClassSpringTranslatedItTo() {
        // Spring's translations of PostgreSQL's answers: each about the statement, so retrying cannot help.
        assertThat(Outages.isOutage(new org.springframework.dao.QueryTimeoutException("statement timeout",
                new SQLException("canceling statement due to statement timeout", "57014")))).isFalse();
        assertThat(Outages.isOutage(new org.springframework.dao.DataAccessResourceFailureException("index row",
                new SQLException("index row size exceeds btree maximum", "54000")))).isFalse();
        // A Redis command without an answer carries no SQL state, and the server out of connections is away.
        assertThat(Outages.isOutage(new org.springframework.dao.QueryTimeoutException("Redis command timed out",
                new RuntimeException("Command timed out after 2 second(s)")))).isTrue();
        assertThat(Outages.isOutage(new org.springframework.dao.DataAccessResourceFailureException("full",
                new SQLException("sorry, too many clients already", "53300")))).isTrue();
        assertThat(Outages.isOutage(new org.springframework.transaction.CannotCreateTransactionException("no connection",
                new SQLException("Connection refused", "08001")))).isTrue();
    }

    private Message message() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "note.saved", Instant.now(), "test",
                json.readTree("{\"text\":\"hello\"}"));
        return new Message(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), new MessageProperties());
    }

    /** Fails its first {@code failures} calls with the given exception, then handles. */
    private static final class FailingHandler implements EventHandler<Object> {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();
        private final int failures;
        private final Supplier<RuntimeException> failure;

        FailingHandler(int failures, Supplier<RuntimeException> failure) {
            this.failures = failures;
            this.failure = failure;
        }

        @Override
        public String type() {
            return "note.saved";
        }

        @Override
        public Class<Object> payloadType() {
            return Object.class;
        }

        @Override
        public void handle(Object payload, EventEnvelope envelope) {
            if (calls.incrementAndGet() <= failures) {
                throw failure.get();
            }
            handled.incrementAndGet();
        }
    }
}
