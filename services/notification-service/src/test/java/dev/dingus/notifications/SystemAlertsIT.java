package dev.dingus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.notifications.support.NotificationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Only system admins send alerts; to everyone (in batches) or to one room's members; once per recipient. */
class SystemAlertsIT extends NotificationTestBase {

    @Test
    void anAdminListedByIdAlertsEveryoneExceptThemself() {
        TestUser admin = registered(ADMIN_ID, "admin" + UUID.randomUUID().toString().substring(0, 6), Instant.now());
        List<TestUser> users = List.of(registered(), registered(), registered(), registered(), registered(), registered(), registered());
        drain();
        Api.Response sent = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "Maintenance tonight", "body", "We restart at 22:00 UTC."));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.str("alertId")).isNotBlank();

        for (TestUser u : users) {
            JsonNode n = awaitNotifications(u, 1).getFirst();
            assertThat(n.get("kind").asString()).isEqualTo("system");
            assertThat(n.get("title").asString()).isEqualTo("Maintenance tonight");
            assertThat(n.get("body").asString()).isEqualTo("We restart at 22:00 UTC.");
            assertThat(n.get("actorId").asString()).isEqualTo(ADMIN_ID.toString());
            assertThat(n.get("roomId").isNull()).isTrue();
        }
        fanout.await(target(users.getLast()), SocketEvents.NOTIFICATION, got -> got.size() == 1, WAIT);
        drain();
        assertThat(notifications(admin)).isEmpty();
        for (TestUser u : users) {
            assertThat(notifications(u)).hasSize(1);
        }
    }

    @Test
    void anAdminListedByUsernameAlertsOneRoom() {
        TestUser admin = registered(UUID.randomUUID(), ADMIN_NAME, Instant.now());
        TestUser member = registered();
        TestUser other = registered();
        TestUser outsider = registered();
        UUID roomId = room("private", "ops", member, other);
        drain();
        Api.Response sent = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "Ops", "body", "This room moves.", "roomId", roomId));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(awaitNotifications(member, 1).getFirst().get("roomId").asString()).isEqualTo(roomId.toString());
        awaitNotifications(other, 1);
        drain();
        assertThat(notifications(outsider)).isEmpty();
    }

    @Test
    void othersMayNotSendAlerts() {
        TestUser someone = registered();
        drain();
        Api.Response refused = api.post("/api/v1/notifications/system-alerts", someone.token(),
                Map.of("title", "Free pizza", "body", "Not really."));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("forbidden");
    }

    @Test
    void theFirstRegisteredUserIsAnAdmin() {
        TestUser first = registered(UUID.randomUUID(), "founder" + UUID.randomUUID().toString().substring(0, 6),
                Instant.parse("2001-01-01T00:00:00Z"));
        TestUser later = registered();
        drain();
        Api.Response sent = api.post("/api/v1/notifications/system-alerts", first.token(), Map.of("title", "Hi", "body", "Welcome"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        awaitNotifications(later, 1);
    }

    @Test
    void anAlertToAnUnknownRoomIsNotFound() {
        TestUser admin = registered(ADMIN_ID, "admin2" + UUID.randomUUID().toString().substring(0, 6), Instant.now());
        Api.Response r = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "x", "body", "y", "roomId", UUID.randomUUID()));
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("room_not_found");
    }
}
