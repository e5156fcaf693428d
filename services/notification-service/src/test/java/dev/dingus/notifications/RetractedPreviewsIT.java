package dev.dingus.notifications;

import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.notifications.inbox.internal.RetractedMessages;
import dev.dingus.notifications.support.NotificationTestBase;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.testsupport.TestUser;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A deleted or edited message is not quoted, whichever of its events is handled first: the events of one message
 * come from the outbox relays of several message-service nodes and are consumed by several nodes of this service.
 */
class RetractedPreviewsIT extends NotificationTestBase {
    @Autowired
    Inbox inbox;
    @Autowired
    RetractedMessages retracted;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeleteHandledBeforeTheMessagesCreatedEventLeavesNoPreview() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID dm = room("dm", null, alice, bob);
        UUID messageId = UUID.randomUUID();
        deleted(messageId, dm, alice);
        message(messageId, dm, "dm", alice, "my password is hunter2", List.of());

        JsonNode n = awaitNotifications(bob, 1).getFirst();
        assertThat(n.get("kind").asString()).as("the notification itself stays").isEqualTo("dm");
        assertThat(n.get("body").isNull()).as(n.toString()).isTrue();
        List<JsonNode> live = fanout.await(target(bob), SocketEvents.NOTIFICATION, got -> got.size() == 1, WAIT);
        assertThat(live.getFirst().get("body").isNull()).as("nor is it sent live").isTrue();
    }

    @Test
    void anEditedMessageIsNoLongerQuoted() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID general = room("public", "general", alice, bob);
        EventEnvelope sent = message(general, "public", alice, "@" + bob.username() + " the key is 1234",
                List.of(bob.username()));
        JsonNode before = awaitNotifications(bob, 1).getFirst();
        assertThat(before.get("body").asString()).isEqualTo("@" + bob.username() + " the key is 1234");

        edited(messageId(sent), general, alice);
        eventually(WAIT, () -> assertThat(notifications(bob).getFirst().get("body").isNull()).isTrue());
        JsonNode after = notifications(bob).getFirst();
        assertThat(after.get("id").asString()).as("the notification stays, pointing at the room").isEqualTo(before.get("id").asString());
        assertThat(after.get("title").asString()).isEqualTo(before.get("title").asString());
        assertThat(after.get("roomId").asString()).isEqualTo(general.toString());
    }

    @Test
    void anEditHandledBeforeTheMessagesCreatedEventLeavesNoPreview() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID general = room("public", "general", alice, bob);
        UUID messageId = UUID.randomUUID();
        edited(messageId, general, alice);
        message(messageId, general, "public", alice, "@" + bob.username() + " the key is 1234", List.of(bob.username()));

        JsonNode n = awaitNotifications(bob, 1).getFirst();
        assertThat(n.get("kind").asString()).isEqualTo("mention");
        assertThat(n.get("body").isNull()).as(n.toString()).isTrue();
    }

    @Test
    void otherMessagesKeepTheirPreview() {
        TestUser alice = registered();
        TestUser bob = registered();
        UUID dm = room("dm", null, alice, bob);
        EventEnvelope first = message(dm, "dm", alice, "first", List.of());
        message(dm, "dm", alice, "second", List.of());
        awaitNotifications(bob, 2);
        deleted(messageId(first), dm, alice);
        eventually(WAIT, () -> assertThat(notifications(bob)).extracting(n -> n.get("body").isNull() ? null : n.get("body").asString())
                .containsExactly("second", null));
    }

    @Test
    void aRetractionWhileTheNotificationIsBeingStoredLeavesNoPreview() throws Exception {
        assertNoPreviewAfterRace(true);
    }

    @Test
    void aNotificationStoredWhileTheRetractionCommitsHasNoPreview() throws Exception {
        assertNoPreviewAfterRace(false);
    }

    /**
     * Two nodes at once: the first transaction does its part and stays open; the second starts its part and either
     * finishes or waits for the first (seen in pg_locks, no sleeping). Then the first commits. Whatever the order,
     * the stored notification must not quote the message.
     */
    private void assertNoPreviewAfterRace(boolean storeFirst) throws Exception {
        TestUser bob = registered();
        UUID messageId = UUID.randomUUID();
        NewNotification n = new NewNotification(NotificationKind.DM, "New message from @alice", "my password is hunter2",
                UUID.randomUUID(), UUID.randomUUID(), messageId, UUID.randomUUID());
        Runnable store = () -> inbox.deliver(n, List.of(bob.id()));
        Runnable retract = () -> retracted.retract(messageId);
        CountDownLatch firstDone = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        AtomicInteger secondPid = new AtomicInteger();
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<?> first = nodes.submit(() -> tx.executeWithoutResult(s -> {
                (storeFirst ? store : retract).run();
                firstDone.countDown();
                await(commitFirst);
            }));
            await(firstDone);
            Future<?> second = nodes.submit(() -> tx.executeWithoutResult(s -> {
                secondPid.set(jdbc.sql("SELECT pg_backend_pid()").query(Integer.class).single());
                (storeFirst ? retract : store).run();
            }));
            eventually(WAIT, () -> assertThat(second.isDone() || waitsForALock(secondPid.get())).isTrue());
            commitFirst.countDown();
            first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        List<JsonNode> stored = notifications(bob);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("body").isNull()).as(stored.toString()).isTrue();
    }

    private boolean waitsForALock(int pid) {
        return pid != 0 && jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ? AND NOT granted)").param(pid)
                .query(Boolean.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the other transaction went on").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
