package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.core.RedisKeys;
import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.sql.Connection;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** The HTTP side of docs/api.md (message-service). */
class HttpApiIT extends IntegrationTestBase {
    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private RedisKeys keys;

    private void sendMany(TestUser user, UUID roomId, int count) {
        for (int i = 1; i <= count; i++) {
            Api.Response r = api().post("/api/v1/rooms/" + roomId + "/messages", user.token(), map("content", "n" + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
    }

    private static long[] seqs(Api.Response r) {
        return java.util.stream.StreamSupport.stream(r.body().path("messages").spliterator(), false)
                .mapToLong(m -> m.path("seq").asLong()).toArray();
    }

    @Test
    void historyPagesBackwardAndForwardWithHasMore() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendMany(alice, roomId, 12);
        String base = "/api/v1/rooms/" + roomId + "/messages";

        Api.Response latest = api().get(base + "?limit=5", alice.token());
        assertThat(seqs(latest)).containsExactly(8, 9, 10, 11, 12);
        assertThat(latest.body().path("hasMore").asBoolean()).isTrue();
        Api.Response before = api().get(base + "?beforeSeq=8&limit=5", alice.token());
        assertThat(seqs(before)).containsExactly(3, 4, 5, 6, 7);
        assertThat(before.body().path("hasMore").asBoolean()).isTrue();
        Api.Response first = api().get(base + "?beforeSeq=3&limit=5", alice.token());
        assertThat(seqs(first)).containsExactly(1, 2);
        assertThat(first.body().path("hasMore").asBoolean()).isFalse();
        Api.Response after = api().get(base + "?afterSeq=9&limit=5", alice.token());
        assertThat(seqs(after)).containsExactly(10, 11, 12);
        assertThat(after.body().path("hasMore").asBoolean()).isFalse();
        Api.Response between = api().get(base + "?afterSeq=2&beforeSeq=6", alice.token());
        assertThat(seqs(between)).containsExactly(3, 4, 5);
        Api.Response all = api().get(base, alice.token());
        assertThat(seqs(all)).containsExactly(LongStream.rangeClosed(1, 12).toArray());
        assertThat(all.body().path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void theLatestPageIsServedFromTheCacheOnceLoaded() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendMany(alice, roomId, 3);
        String base = "/api/v1/rooms/" + roomId + "/messages";
        api().get(base, alice.token());
        // Change the database behind the cache's back: the latest page still comes from Redis.
        jdbc.sql("UPDATE messages SET content = 'changed behind the cache' WHERE room_id = ?").param(roomId).update();
        assertThat(api().get(base, alice.token()).body().path("messages").path(2).path("content").asString()).isEqualTo("n3");
        // A page that is not the latest reads PostgreSQL.
        assertThat(api().get(base + "?afterSeq=0", alice.token()).body().path("messages").path(2).path("content").asString())
                .isEqualTo("changed behind the cache");
    }

    @Test
    void aCachedLatestPageReadsExactlyLikeOneFromTheDatabase() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        sendMany(alice, roomId, 4);
        api().patch("/api/v1/messages/" + api().get("/api/v1/rooms/" + roomId + "/messages", alice.token())
                .body().path("messages").path(1).path("id").asString(), alice.token(), map("content", "edited"));
        String base = "/api/v1/rooms/" + roomId + "/messages?limit=3";
        redis.delete(keys.latestPage(roomId)); // the next read is a miss, answered by PostgreSQL
        Api.Response fromDatabase = api().get(base, alice.token());
        Api.Response fromCache = api().get(base, alice.token());
        assertThat(fromCache.status()).isEqualTo(200);
        assertThat(fromCache.header("Content-Type")).startsWith("application/json");
        assertThat(fromCache.body()).isEqualTo(fromDatabase.body());
        assertThat(seqs(fromCache)).containsExactly(2, 3, 4);
        assertThat(fromCache.body().path("messages").path(0).path("content").asString()).isEqualTo("edited");
        assertThat(fromCache.body().path("hasMore").asBoolean()).isTrue();
    }

    @Test
    void sendingOverHttpReachesSocketsLikeASocketSend() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room(alice, bob);
        SocketClients.Client b = connect(bob);
        b.emitAck("join_room", map("roomId", roomId.toString()));
        Api.Response sent = api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "over http", "clientMsgId", "h-1"));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.body().path("seq").asLong()).isEqualTo(1);
        assertThat(b.awaitEvent("new_message", WAIT)).isEqualTo(sent.body());

        String id = sent.body().path("id").asString();
        Api.Response edited = api().patch("/api/v1/messages/" + id, alice.token(), map("content", "edited over http"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.body().path("content").asString()).isEqualTo("edited over http");
        assertThat(b.awaitEvent("message_edited", WAIT).path("content").asString()).isEqualTo("edited over http");
        assertThat(api().patch("/api/v1/messages/" + id, bob.token(), map("content", "nope")).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/messages/" + id, bob.token()).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/messages/" + id, alice.token()).status()).isEqualTo(204);
        assertThat(b.awaitEvent("message_deleted", WAIT).path("messageId").asString()).isEqualTo(id);
    }

    @Test
    void unreadCountsForAllMyRoomsInOneCall() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID busy = room(alice, bob);
        UUID quiet = room(bob, alice);
        sendMany(bob, busy, 4);
        api().post("/api/v1/rooms/" + busy + "/messages", alice.token(), map("content", "mine does not count"));

        Api.Response unread = api().get("/api/v1/messages/unread", alice.token());
        assertThat(unread.status()).isEqualTo(200);
        JsonNode busyRow = row(unread.body(), busy);
        assertThat(busyRow.path("unread").asLong()).isEqualTo(4);
        assertThat(busyRow.path("lastSeq").asLong()).isEqualTo(5);
        assertThat(busyRow.path("lastReadSeq").asLong()).isZero();
        assertThat(busyRow.path("lastMessage").path("content").asString()).isEqualTo("mine does not count");
        assertThat(row(unread.body(), quiet).path("unread").asLong()).isZero();
        assertThat(row(unread.body(), quiet).path("lastMessage").isNull()).isTrue();
        assertThat(unread.body().path("total").asLong()).isEqualTo(4);

        assertThat(api().post("/api/v1/rooms/" + busy + "/read", alice.token(), map("seq", 3)).status()).isEqualTo(204);
        JsonNode after = api().get("/api/v1/messages/unread", alice.token()).body();
        assertThat(row(after, busy).path("unread").asLong()).isEqualTo(1);
        assertThat(row(after, busy).path("lastReadSeq").asLong()).isEqualTo(3);
        assertThat(after.path("total").asLong()).isEqualTo(1);
    }

    private static JsonNode row(JsonNode unread, UUID roomId) {
        for (JsonNode r : unread.path("rooms")) {
            if (roomId.toString().equals(r.path("roomId").asString())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + roomId + " in " + unread);
    }

    @Test
    void searchFindsWordsInMyRoomsOnlyNewestFirstAndPaged() {
        TestUser alice = newUser();
        TestUser eve = newUser();
        UUID mine = room(alice);
        UUID other = room(alice);
        UUID evesRoom = room(eve);
        api().post("/api/v1/rooms/" + mine + "/messages", alice.token(), map("content", "the purple elephant dances"));
        api().post("/api/v1/rooms/" + other + "/messages", alice.token(), map("content", "another purple elephant"));
        api().post("/api/v1/rooms/" + evesRoom + "/messages", eve.token(), map("content", "eve's purple elephant"));
        String deletedId = api().post("/api/v1/rooms/" + mine + "/messages", alice.token(), map("content", "purple elephant, deleted"))
                .body().path("id").asString();
        api().delete("/api/v1/messages/" + deletedId, alice.token());

        Api.Response found = api().get("/api/v1/messages/search?q=purple%20elephant", alice.token());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("items")).extracting(m -> m.path("content").asString())
                .containsExactly("another purple elephant", "the purple elephant dances");
        assertThat(found.body().path("hasMore").asBoolean()).isFalse();

        Api.Response paged = api().get("/api/v1/messages/search?q=elephant&size=1&page=0", alice.token());
        assertThat(paged.body().path("items")).hasSize(1);
        assertThat(paged.body().path("hasMore").asBoolean()).isTrue();
        Api.Response page2 = api().get("/api/v1/messages/search?q=elephant&size=1&page=1", alice.token());
        assertThat(page2.body().path("items").path(0).path("content").asString()).isEqualTo("the purple elephant dances");

        Api.Response oneRoom = api().get("/api/v1/messages/search?q=elephant&roomId=" + mine, alice.token());
        assertThat(oneRoom.body().path("items")).hasSize(1);
        assertThat(api().get("/api/v1/messages/search?q=elephant&roomId=" + evesRoom, alice.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/messages/search?q=giraffe", alice.token()).body().path("items")).isEmpty();
        assertThat(api().get("/api/v1/messages/search?q=elephant%20-dances", alice.token()).body().path("items"))
                .extracting(m -> m.path("content").asString()).containsExactly("another purple elephant");
    }

    @Test
    void aSearchThatRunsPastItsTimeLimitIsStoppedWithAClearError() throws Exception {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "a slow search"));
        // A transaction holding the table makes the search wait for as long as its limit allows (3 s).
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE");
            Api.Response stopped = api().get("/api/v1/messages/search?q=slow", alice.token());
            assertThat(stopped.status()).isEqualTo(422);
            assertThat(stopped.code()).isEqualTo("search_too_broad");
            blocker.rollback();
        }
        assertThat(api().get("/api/v1/messages/search?q=slow", alice.token()).body().path("items")).hasSize(1);
    }
}
