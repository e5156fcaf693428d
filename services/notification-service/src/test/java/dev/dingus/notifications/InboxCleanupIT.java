package dev.dingus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.notifications.inbox.internal.InboxCleanup;
import dev.dingus.notifications.support.NotificationTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cleanup forgets old retractions. */
class InboxCleanupIT extends NotificationTestBase {
    @Autowired
    InboxCleanup cleanup;
    @Autowired
    JdbcClient jdbc;

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

    private void retraction(UUID messageId, Instant at) {
        jdbc.sql("INSERT INTO retracted_messages (message_id, retracted_at) VALUES (?, ?)")
                .params(messageId, Timestamp.from(at)).update();
    }
}
