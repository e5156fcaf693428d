package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.Api.Raw;
import dev.dingus.testsupport.TestUser;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets a clear 4xx problem+json with a stable code, never a 500. */
class BadInputIT extends IntegrationTestBase {

    static Stream<Arguments> badRoomBodies() {
        return Stream.of(
                Arguments.of("missing name", body(null, null, "public", null), "name"),
                Arguments.of("blank name", body("   ", null, "public", null), "name"),
                Arguments.of("81 characters", body("x".repeat(81), null, "public", null), "name"),
                Arguments.of("control character", body("bad\u0007name", null, "public", null), "name"),
                Arguments.of("line break in name", body("two\nlines", null, "public", null), "name"),
                Arguments.of("direction override", body("evil\u202Ename", null, "public", null), "name"),
                Arguments.of("501-character topic", body("ok", "t".repeat(501), "public", null), "topic"),
                Arguments.of("control character in topic", body("ok", "bell\u0007", "public", null), "topic"),
                Arguments.of("missing kind", body("ok", null, null, null), "kind"),
                Arguments.of("kind dm", body("ok", null, "dm", null), "kind"),
                Arguments.of("unknown kind", body("ok", null, "secret", null), "kind"),
                Arguments.of("unknown post policy", body("ok", null, "public", "nobody"), "postPolicy"));
    }

    private static Map<String, Object> body(String name, String topic, String kind, String postPolicy) {
        Map<String, Object> body = new HashMap<>();
        if (name != null) body.put("name", name);
        if (topic != null) body.put("topic", topic);
        if (kind != null) body.put("kind", kind);
        if (postPolicy != null) body.put("postPolicy", postPolicy);
        return body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRoomBodies")
    void invalidRoomsAreRefusedWithTheFieldAtFault(String why, Map<String, Object> body, String field) {
        TestUser user = newUser();
        Api.Response r = api.post("/api/v1/rooms", user.token(), body);
        assertProblem(r, 400, "validation_failed");
        assertThat(r.body().get("errors").findValuesAsString("field")).contains(field);
        assertThat(api.get("/api/v1/rooms", user.token()).body().get("items")).isEmpty();
    }

    @Test
    void namesAreCountedInCharactersAfterTrimming() {
        TestUser user = newUser();
        String eighty = "\uD83D\uDE00".repeat(80); // 80 emoji = 160 UTF-16 units
        Api.Response r = api.post("/api/v1/rooms", user.token(), Map.of("name", "  " + eighty + "  ", "kind", "public"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.str("name")).isEqualTo(eighty);
        Map<String, Object> topic = Map.of("name", "ok", "kind", "public", "topic", "line one\nline two\ttabbed");
        assertThat(api.post("/api/v1/rooms", user.token(), topic).status()).isEqualTo(201);
    }

    @Test
    void invalidSettingsAreRefused() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "public"));
        assertProblem(api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("name", "")), 400, "validation_failed");
        assertProblem(api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("kind", "dm")), 400, "validation_failed");
        assertProblem(api.patch("/api/v1/rooms/" + roomId, owner.token(), Map.of("postPolicy", 7)), 400, "validation_failed");
    }

    @Test
    void malformedBodiesAreMalformedJson() {
        TestUser user = newUser();
        assertProblem(api.post("/api/v1/rooms", user.token(), Raw.json("{\"name\": ")), 400, "malformed_json");
        assertProblem(api.post("/api/v1/rooms", user.token(), Raw.json("[1,2]")), 400, "malformed_json");
        assertProblem(api.post("/api/v1/rooms", user.token(), Raw.json("")), 400, "malformed_json");
        assertProblem(api.post("/api/v1/dms", user.token(), Raw.json("{\"userId\": \"not-a-uuid\"}")), 400, "malformed_json");
        assertProblem(api.post("/api/v1/rooms", user.token(), new Raw("name=x", "text/plain")), 415, "unsupported_media_type");
    }

    @Test
    void missingIdsAndRolesAreValidationErrors() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        assertProblem(api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of()), 400, "validation_failed");
        assertProblem(api.post("/api/v1/dms", owner.token(), Map.of()), 400, "validation_failed");
        TestUser member = newUser();
        invite(owner, roomId, member);
        String role = "/api/v1/rooms/" + roomId + "/members/" + member.id() + "/role";
        assertProblem(api.put(role, owner.token(), Map.of("role", "emperor")), 400, "validation_failed");
        assertProblem(api.put(role, owner.token(), Map.of()), 400, "validation_failed");
    }

    @Test
    void badPathsAndPagingAreRefused() {
        TestUser user = newUser();
        UUID roomId = id(createRoom(user, "public"));
        assertProblem(api.get("/api/v1/rooms/not-a-uuid", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/" + UUID.randomUUID(), user.token()), 404, "room_not_found");
        assertProblem(api.get("/api/v1/rooms/discover?page=-1", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/discover?size=0", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/discover?q=a%00b", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/discover?size=101", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/discover?size=ten", user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/discover?q=" + "q".repeat(81), user.token()), 400, "validation_failed");
        assertProblem(api.get("/api/v1/rooms/" + roomId + "/members?size=1000", user.token()), 400, "validation_failed");
        assertProblem(api.send("PATCH", "/api/v1/rooms/" + roomId + "/join", user.token(), Map.of(), Map.of()), 405,
                "method_not_allowed");
        assertProblem(api.get("/api/v1/nothing-here", user.token()), 404, "not_found");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        UUID someone = UUID.randomUUID();
        assertProblem(api.get("/api/v1/rooms", null), 401, "unauthorized");
        assertProblem(api.get("/api/v1/rooms", "garbage"), 401, "token_invalid");
        assertProblem(api.get("/api/v1/rooms", TOKENS.expiredTokenFor(someone, "x")), 401, "token_expired");
        assertProblem(api.get("/api/v1/rooms", TOKENS.otherKeyTokenFor(someone, "x")), 401, "token_invalid");
        assertProblem(api.post("/api/v1/dms", null, Map.of("userId", someone)), 401, "unauthorized");
    }

    @Test
    void oversizedBodiesAreRefused() {
        TestUser user = newUser();
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"kind\":\"public\"}";
        Api.Response r = api.post("/api/v1/rooms", user.token(), Raw.json(huge));
        assertProblem(r, 413, "payload_too_large");
    }

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
    }
}
