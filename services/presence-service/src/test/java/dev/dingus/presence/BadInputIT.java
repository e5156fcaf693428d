package dev.dingus.presence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.presence.support.PresenceTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Unknown users, oversized lists, invalid statuses and broken requests get a clear 4xx with a stable code. */
class BadInputIT extends PresenceTestBase {

    @Test
    void anUnknownUserIsNotFound() {
        TestUser me = newUser();
        Api.Response r = api.get("/api/v1/presence/" + UUID.randomUUID(), me.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("user_not_found");
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aUserIdThatIsNotAUuidIsRejected() {
        Api.Response r = api.get("/api/v1/presence/not-a-uuid", newUser().token());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
    }

    @Test
    void aQueryOfMoreThan200IdsIsRejected() {
        TestUser me = newUser();
        List<UUID> ids = IntStream.range(0, 201).mapToObj(i -> UUID.randomUUID()).toList();
        Api.Response r = api.post("/api/v1/presence/query", me.token(), Map.of("userIds", ids));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("userIds");

        Api.Response exactly200 = api.post("/api/v1/presence/query", me.token(), Map.of("userIds", ids.subList(0, 200)));
        assertThat(exactly200.status()).as(exactly200.toString()).isEqualTo(200);
        assertThat(exactly200.body().get("items")).isEmpty();
    }

    @Test
    void aQueryWithoutIdsOrWithBrokenIdsIsRejected() {
        TestUser me = newUser();
        Api.Response missing = api.post("/api/v1/presence/query", me.token(), Map.of());
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");

        Api.Response nullId = api.post("/api/v1/presence/query", me.token(), Map.of("userIds", Collections.singletonList(null)));
        assertThat(nullId.status()).as(nullId.toString()).isEqualTo(400);
        assertThat(nullId.code()).isEqualTo("validation_failed");

        Api.Response broken = api.post("/api/v1/presence/query", me.token(), Map.of("userIds", List.of("nope")));
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(broken.code()).isEqualTo("malformed_json");

        Api.Response notJson = api.post("/api/v1/presence/query", me.token(), Api.Raw.json("{\"userIds\": ["));
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("malformed_json");
    }

    @Test
    void anInvalidStatusIsRejected() {
        TestUser me = newUser();
        for (Object status : new Object[] {"offline", "busy", "", "ONLINE"}) {
            Api.Response r = api.put("/api/v1/presence/me", me.token(), Map.of("status", status));
            assertThat(r.status()).as(status + " → " + r).isEqualTo(400);
            assertThat(r.code()).isEqualTo("validation_failed");
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("status");
        }
        Api.Response missing = api.put("/api/v1/presence/me", me.token(), Map.of());
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("validation_failed");
    }

    @Test
    void everyEndpointNeedsAToken() {
        UUID someone = newUser().id();
        assertThat(api.get("/api/v1/presence/" + someone, null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/presence/query", null, Map.of("userIds", List.of(someone))).status()).isEqualTo(401);
        assertThat(api.put("/api/v1/presence/me", null, Map.of("status", "dnd")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/presence/me/activity", null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/presence/" + someone, TOKENS.otherKeyTokenFor(someone, "x")).status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentStatesTheLimits() {
        Api.Response doc = api.get("/v3/api-docs", null);
        assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
        assertThat(doc.text()).contains("at most 200 user ids").contains("invisible")
                .contains("10 times a minute, in bursts of up to 5").contains("rate_limited");
        assertThat(doc.body().at("/components/schemas/PresenceQuery/properties/userIds/maxItems").asInt()).isEqualTo(200);
    }
}
