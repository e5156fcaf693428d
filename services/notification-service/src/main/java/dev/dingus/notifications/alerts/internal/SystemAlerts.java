package dev.dingus.notifications.alerts.internal;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.SystemAlert;
import dev.dingus.notifications.alerts.AlertRequest;
import dev.dingus.notifications.core.NotificationErrors;
import dev.dingus.notifications.directory.Directory;
import dev.dingus.platform.events.outbox.Outbox;
import dev.dingus.platform.web.security.AuthenticatedUser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records an alert and its {@code system.alert} event together; the fan-out happens when the event is consumed. */
@Component
class SystemAlerts {
    private static final Logger log = LoggerFactory.getLogger(SystemAlerts.class);

    private final SystemAdmins admins;
    private final Directory directory;
    private final JdbcClient jdbc;
    private final Outbox outbox;

    SystemAlerts(SystemAdmins admins, Directory directory, JdbcClient jdbc, Outbox outbox) {
        this.admins = admins;
        this.directory = directory;
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional
    UUID send(AuthenticatedUser sender, AlertRequest request) {
        if (!admins.isAdmin(sender)) {
            throw NotificationErrors.notASystemAdmin();
        }
        if (request.roomId() != null && !directory.roomExists(request.roomId())) {
            throw NotificationErrors.roomNotFound();
        }
        UUID id = UUID.randomUUID();
        String title = request.title().strip();
        String body = request.body().strip();
        jdbc.sql("INSERT INTO system_alerts (id, sender_id, title, body, room_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, sender.id(), title, body, request.roomId(), Timestamp.from(Instant.now())).update();
        outbox.publish(EventTypes.SYSTEM_ALERT, new SystemAlert(id, sender.id(), title, body, request.roomId()));
        log.info("System alert {} sent by {} to {}", id, sender.id(), request.roomId() == null ? "everyone" : "room " + request.roomId());
        return id;
    }
}
