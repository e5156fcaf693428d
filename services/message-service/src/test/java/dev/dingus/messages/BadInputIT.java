package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad input gets a clear error answer with a stable code: never a crash, never silence. */
class BadInputIT extends IntegrationTestBase {

    private static String code(JsonNode ack) {
        assertThat(ack.path("success").asBoolean()).as(ack.toString()).isFalse();
        return ack.path("error").path("code").asString();
    }

    @Test
    void oversizedAndEmptyMessagesAreRefused() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        SocketClients.Client a = connect(alice);
        String room = roomId.toString();
        assertThat(code(a.emitAck("send_message", map("roomId", room, "content", "x".repeat(4001))))).isEqualTo("message_too_long");
        assertThat(code(a.emitAck("send_message", map("roomId", room, "content", "   \n\t ")))).isEqualTo("message_empty");
        assertThat(code(a.emitAck("send_message", map("roomId", room, "content", "")))).isEqualTo("message_empty");
        assertThat(code(a.emitAck("send_message", map("roomId", room)))).isEqualTo("message_empty");
        // 4000 characters after trimming is fine, also when they are outside the BMP (one character, two chars in Java).
        assertThat(a.emitAck("send_message", map("roomId", room, "content", "  " + "y".repeat(4000) + "  ")).path("success").asBoolean()).isTrue();
        assertThat(a.emitAck("send_message", map("roomId", room, "content", "😀".repeat(4000))).path("success").asBoolean()).isTrue();
        assertThat(code(a.emitAck("send_message", map("roomId", room, "content", "ok", "clientMsgId", "c".repeat(129)))))
                .isEqualTo("validation_failed");
        // PostgreSQL cannot store NUL: refused as bad input, not "could not be stored".
        assertThat(code(a.emitAck("send_message", map("roomId", room, "content", "a\u0000b")))).isEqualTo("validation_failed");

        Api.Response tooLong = api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("message_too_long");
        assertThat(api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", " ")).code()).isEqualTo("message_empty");
        assertThat(api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "a\u0000b")).code())
                .isEqualTo("validation_failed");
        JsonNode stored = api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "to edit")).body();
        Api.Response nulEdit = api().patch("/api/v1/messages/" + stored.path("id").asString(), alice.token(), map("content", "a\u0000b"));
        assertThat(nulEdit.status()).isEqualTo(400);
        assertThat(nulEdit.code()).isEqualTo("validation_failed");
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void malformedPayloadsGetValidationErrors() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        SocketClients.Client a = connect(alice);
        assertThat(code(a.emitRawAck("join_room", List.of("not an object")))).isEqualTo("validation_failed");
        assertThat(code(a.emitRawAck("join_room", List.of()))).isEqualTo("validation_failed");
        assertThat(code(a.emitRawAck("send_message", List.of(List.of(1, 2, 3))))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("join_room", map("roomId", 42)))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("join_room", map("roomId", "not-a-uuid")))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("join_room", map()))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("send_message", map("roomId", roomId.toString(), "content", 12345)))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("send_message", map("roomId", roomId.toString(), "content", map("nested", true))))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("edit_message", map("messageId", UUID.randomUUID().toString(), "content", "x")))).isEqualTo("message_not_found");
        assertThat(code(a.emitAck("mark_read", map("roomId", roomId.toString(), "seq", "three")))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("mark_read", map("roomId", roomId.toString(), "seq", -1)))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("mark_read", map("roomId", roomId.toString(), "seq", 1.5)))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("sync", map("rooms", List.of(1, 2))))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("sync", map("rooms", map("nope", 1))))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("sync", map("rooms", map(roomId.toString(), "x"))))).isEqualTo("validation_failed");
        assertThat(code(a.emitAck("join_room", map("roomId", UUID.randomUUID().toString())))).isEqualTo("room_not_found");
        // Still connected and working after all that.
        assertThat(a.emitAck("join_room", map("roomId", roomId.toString())).path("success").asBoolean()).isTrue();
        assertThat(a.disconnected()).isFalse();
    }

    @Test
    void hugeArraysAndPayloadsAreBounded() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        SocketClients.Client a = connect(alice);
        Map<String, Object> tooManyRooms = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tooManyRooms.put(UUID.randomUUID().toString(), 0);
        }
        assertThat(code(a.emitAck("sync", map("rooms", tooManyRooms)))).isEqualTo("validation_failed");
        assertThat(code(a.emitRawAck("send_message", List.of(Collections.nCopies(5000, 7))))).isEqualTo("validation_failed");

        // Beyond maxPayload (64 KiB) the connection is closed by the transport; the server carries on.
        SocketClients.Client big = connect(newUser());
        big.emit("send_message", map("roomId", roomId.toString(), "content", "z".repeat(70_000)));
        big.awaitDisconnect(Duration.ofSeconds(10));
        assertThat(a.emitAck("send_message", map("roomId", roomId.toString(), "content", "still fine")).path("success").asBoolean()).isTrue();
    }

    @Test
    void floodsBeyondTheRateLimitAreAnsweredNotDropped() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        SocketClients.Client a = connect(alice);
        List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < 80; i++) {
            acks.add(a.emitAckAsync("send_message", map("roomId", roomId.toString(), "content", "flood " + i)));
        }
        int ok = 0;
        int limited = 0;
        for (CompletableFuture<JsonNode> f : acks) {
            JsonNode ack = f.join();
            if (ack.path("success").asBoolean()) {
                ok++;
            } else {
                assertThat(ack.path("error").path("code").asString()).isEqualTo("rate_limited");
                assertThat(ack.path("error").path("retryAfterMs").asLong()).isPositive();
                limited++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(ok + limited).isEqualTo(80);
        // The burst of 40, plus what 20/s refilled while the flood lasted.
        assertThat(ok).isGreaterThanOrEqualTo(40).isLessThanOrEqualTo(40 + (int) Math.ceil(20 * seconds) + 1);
        assertThat(limited).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single()).isEqualTo(ok);

        // Over HTTP the same bucket applies: a parallel flood meets 429 with Retry-After.
        List<CompletableFuture<Api.Response>> posts = new ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 80; i++) {
                int n = i;
                posts.add(CompletableFuture.supplyAsync(() -> api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(),
                        map("content", "http flood " + n)), executor));
            }
            List<Api.Response> answers = posts.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 429));
            Api.Response limitedHttp = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(limitedHttp.code()).isEqualTo("rate_limited");
            assertThat(limitedHttp.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void editAndDeleteFloodsMeetTheSameLimitAndAreAnsweredNotDropped() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        SocketClients.Client a = connect(alice);
        String id = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "to edit")).path("message").path("id").asString();
        List<JsonNode> edits = floodAcks(a, 80, n -> map("messageId", id, "content", "edit " + n), "edit_message");
        // The burst of 40 (one spent on the send) and what refilled meanwhile got through; the rest heard why.
        assertThat(edits.stream().filter(ack -> ack.path("success").asBoolean())).hasSizeGreaterThanOrEqualTo(39).hasSizeLessThan(80);

        // Over HTTP the same bucket applies: a parallel flood of edits meets 429 with Retry-After.
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Api.Response>> patches = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                patches.add(CompletableFuture.supplyAsync(() -> api().patch("/api/v1/messages/" + id, alice.token(),
                        map("content", "http edit " + n)), executor));
            }
            List<Api.Response> answers = patches.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 429));
            Api.Response limited = answers.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(limited.header("Retry-After")).isNotNull();
        }
        // Deletes too (deleting a deleted message succeeds and changes nothing, so each may go through).
        floodAcks(a, 40, n -> map("messageId", id), "delete_message");
    }

    /**
     * Emits {@code count} events at once; every one must be answered, with success or {@code rate_limited} (and how long
     * to wait), and some with the latter. Returns the acks.
     */
    private static List<JsonNode> floodAcks(SocketClients.Client client, int count,
            java.util.function.IntFunction<Map<String, Object>> payload, String event) {
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(client.emitAckAsync(event, payload.apply(i)));
        }
        List<JsonNode> acks = futures.stream().map(CompletableFuture::join).toList();
        for (JsonNode ack : acks) {
            if (!ack.path("success").asBoolean()) {
                assertThat(ack.path("error").path("code").asString()).as(ack.toString()).isEqualTo("rate_limited");
                assertThat(ack.path("error").path("retryAfterMs").asLong()).isPositive();
            }
        }
        assertThat(acks).as(event + " answers").hasSize(count)
                .anySatisfy(ack -> assertThat(ack.path("success").asBoolean()).isFalse());
        return acks;
    }

    @Test
    void badHttpInputGetsProblemJsonWithStableCodes() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        String base = "/api/v1/rooms/" + roomId + "/messages";
        assertThat(api().send("POST", base, alice.token(), "{not json").code()).isEqualTo("malformed_json");
        assertThat(api().get("/api/v1/rooms/not-a-uuid/messages", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get(base + "?limit=101", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get(base + "?limit=0", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get(base + "?beforeSeq=0", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get(base + "?afterSeq=-1", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get(base + "?afterSeq=abc", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().post("/api/v1/rooms/" + roomId + "/read", alice.token(), map("seq", -3)).code()).isEqualTo("validation_failed");
        assertThat(api().post("/api/v1/rooms/" + roomId + "/read", alice.token(), map()).code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/messages/search?q=", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/messages/search?q=" + "a".repeat(201), alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/messages/search?q=x&size=500", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/messages/search?q=a%00b", alice.token()).code()).isEqualTo("validation_failed");
        // Only excluded words: the index cannot serve it, so it would read every message of every room.
        assertThat(api().get("/api/v1/messages/search?q=-elephant", alice.token()).code()).isEqualTo("validation_failed");
        assertThat(api().get("/api/v1/messages/search?q=-elephant%20or%20giraffe", alice.token()).code())
                .isEqualTo("validation_failed");
        Api.Response noWords = api().get("/api/v1/messages/search?q=!!!", alice.token());
        assertThat(noWords.status()).isEqualTo(200);
        assertThat(noWords.body().path("items")).isEmpty();
        assertThat(api().patch("/api/v1/messages/" + UUID.randomUUID(), alice.token(), map("content", "x")).code()).isEqualTo("message_not_found");
        Api.Response noToken = api().get(base, null);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("unauthorized");
    }
}
