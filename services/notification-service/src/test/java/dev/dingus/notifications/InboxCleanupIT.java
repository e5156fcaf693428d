package dev.dingus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.notifications.core.NotificationKind;
import dev.dingus.notifications.inbox.Inbox;
import dev.dingus.notifications.inbox.NewNotification;
import dev.dingus.notifications.inbox.internal.InboxCleanup;
import dev.dingus.notifications.support.NotificationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The cleanup keeps each recipient's newest notifications up to the cap and forgets old retractions. */
class InboxCleanupIT extends NotificationTestBase {
    private static final int MAX_PER_USER = 3;

    @DynamicPropertySource
    static void smallInbox(DynamicPropertyRegistry registry) {
        registry.add("dingus.notifications.max-per-user", () -> String.valueOf(MAX_PER_USER));
    }

    @Autowired
    Inbox inbox;
    @Autowired
    InboxCleanup cleanup;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheNewestNotificationsPerUserStayAfterTheCleanup() {
        TestUser bob = registered();
        TestUser carol = registered();
        List<String> titles = IntStream.rangeClosed(1, MAX_PER_USER + 2).mapToObj(i -> "alert " + i).toList();
        titles.forEach(title -> store(title, bob, carol));
        store("only one", carol); // carol: 6 in all
        TestUser dave = registered();
        store("below the cap", dave);

        cleanup.run();

        assertThat(notifications(bob)).extracting(n -> n.get("title").asString()).containsExactly("alert 5", "alert 4", "alert 3");
        assertThat(notifications(carol)).extracting(n -> n.get("title").asString()).containsExactly("only one", "alert 5", "alert 4");
        assertThat(notifications(dave)).hasSize(1);
        Api.Response page = api.get("/api/v1/notifications", bob.token());
        assertThat(page.body().get("total").asLong()).isEqualTo(MAX_PER_USER);
        assertThat(cleanup.run().notifications()).as("a second run finds nothing to do").isZero();
    }

    @Test
    void retractionsAreForgottenAfterTheirRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        retraction(old, Instant.now().minus(Duration.ofDays(8)));
        retraction(recent, Instant.now().minus(Duration.ofDays(6)));

        cleanup.run();
        assertThat(jdbc.sql("SELECT message_id FROM retracted_messages WHERE message_id IN (?, ?)").params(old, recent)
                .query(UUID.class).list()).containsExactly(recent);
    }

    /** One notification per recipient, from an event of its own; each later one is newer. */
    private void store(String title, TestUser... recipients) {
        NewNotification n = new NewNotification(NotificationKind.SYSTEM, title, null, null, null, null, UUID.randomUUID());
        tx.executeWithoutResult(s -> inbox.deliver(n, Arrays.stream(recipients).map(TestUser::id).toList()));
    }

    private void retraction(UUID messageId, Instant at) {
        jdbc.sql("INSERT INTO retracted_messages (message_id, retracted_at) VALUES (?, ?)")
                .params(messageId, Timestamp.from(at)).update();
    }
}
