package dev.dingus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.notifications.support.NotificationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx with a stable code, never a 500. */
class BadInputIT extends NotificationTestBase {

    @Test
    void pagesAreBounded() {
        TestUser me = registered();
        for (String query : new String[] {"size=101", "size=0", "page=-1", "page=10001", "size=abc", "unreadOnly=maybe"}) {
            Api.Response r = api.get("/api/v1/notifications?" + query, me.token());
            assertThat(r.status()).as(query + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        assertThat(api.get("/api/v1/notifications?size=100", me.token()).status()).isEqualTo(200);
    }

    @Test
    void alertsAreBoundedAndComplete() {
        TestUser admin = registered(ADMIN_ID, "adm" + UUID.randomUUID().toString().substring(0, 6), java.time.Instant.now());
        Map<String, Object>[] bad = new Map[] {
            Map.of("title", "x".repeat(121), "body", "b"),
            Map.of("title", "t", "body", "x".repeat(2001)),
            Map.of("title", " ", "body", "b"),
            Map.of("body", "b"),
            Map.of("title", "t"),
        };
        for (Map<String, Object> body : bad) {
            Api.Response r = api.post("/api/v1/notifications/system-alerts", admin.token(), body);
            assertThat(r.status()).as(body.keySet() + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
        }
        Api.Response roomNotUuid = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "t", "body", "b", "roomId", "nope"));
        assertThat(roomNotUuid.status()).isEqualTo(400);
        assertThat(roomNotUuid.code()).isEqualTo("malformed_json");
        Api.Response exactLimits = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "x".repeat(120), "body", "y".repeat(2000)));
        assertThat(exactLimits.status()).as(exactLimits.toString()).isEqualTo(202);
    }

    /** PostgreSQL cannot store a NUL: control characters are bad input, not a 500 from the insert. */
    @Test
    void alertTextsWithControlCharactersAreRefusedNamingTheField() {
        TestUser admin = registered(ADMIN_ID, "adc" + UUID.randomUUID().toString().substring(0, 6), java.time.Instant.now());
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("title", "a\u0000b", "body", "b"),
                Map.of("title", "a\u001bb", "body", "b"),
                Map.of("title", "two\nlines", "body", "b"),
                Map.of("title", "tab\there", "body", "b"),
                Map.of("title", "t", "body", "a\u0000b"),
                Map.of("title", "t", "body", "a\u0007b"),
                Map.of("title", "t", "body", "ab\u007f"))) {
            Api.Response r = api.post("/api/v1/notifications/system-alerts", admin.token(), body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            String field = body.get("title").equals("t") ? "body" : "title";
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
            assertThat(r.body().get("errors").get(0).get("message").asString()).contains("control characters");
        }
        Api.Response multiline = api.post("/api/v1/notifications/system-alerts", admin.token(),
                Map.of("title", "Maintenance tonight", "body", "From 22:00.\r\n\tBack by 23:00.\n"));
        assertThat(multiline.status()).as("line breaks and tabs in the body: " + multiline).isEqualTo(202);
    }

    @Test
    void unknownOrMalformedNotificationIds() {
        TestUser me = registered();
        Api.Response unknown = api.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", me.token(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("notification_not_found");
        Api.Response malformed = api.post("/api/v1/notifications/not-a-uuid/read", me.token(), null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("validation_failed");
    }

    @Test
    void mutesNeedAFlagAndAreBounded() {
        TestUser me = registered();
        Api.Response missing = api.put("/api/v1/notifications/mutes/" + UUID.randomUUID(), me.token(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");
        Api.Response notJson = api.put("/api/v1/notifications/mutes/" + UUID.randomUUID(), me.token(), Api.Raw.json("{\"muted\":"));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("malformed_json");

        UUID kept = UUID.randomUUID();
        for (UUID room : new UUID[] {kept, UUID.randomUUID(), UUID.randomUUID()}) {
            assertThat(api.put("/api/v1/notifications/mutes/" + room, me.token(), Map.of("muted", true)).status()).isEqualTo(200);
        }
        Api.Response fourth = api.put("/api/v1/notifications/mutes/" + UUID.randomUUID(), me.token(), Map.of("muted", true));
        assertThat(fourth.status()).as(fourth.toString()).isEqualTo(409);
        assertThat(fourth.code()).isEqualTo("too_many_mutes");
        assertThat(api.put("/api/v1/notifications/mutes/" + kept, me.token(), Map.of("muted", true)).status())
                .as("muting a muted room again is fine").isEqualTo(200);
    }

    @Test
    void everyEndpointNeedsAToken() {
        assertThat(api.get("/api/v1/notifications", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/notifications/unread-count", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/notifications/read-all", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/notifications/mutes", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/notifications/system-alerts", null, Map.of("title", "t", "body", "b")).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentStatesTheLimits() {
        Api.Response doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
        assertThat(doc.body().at("/components/schemas/AlertRequest/properties/title/maxLength").asInt()).isEqualTo(120);
        assertThat(doc.body().at("/components/schemas/AlertRequest/properties/body/maxLength").asInt()).isEqualTo(2000);
        assertThat(doc.text()).contains("size` 1-100");
        assertThat(doc.text()).contains("keeps their newest 1000 notifications: a cleanup every 1h deletes older ones");
    }
}
