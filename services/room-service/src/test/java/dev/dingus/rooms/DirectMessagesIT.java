package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.rooms.support.RoomEventLog.Event;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectMessagesIT extends IntegrationTestBase {

    @Test
    void askingForADmTwiceGivesTheSameRoomFromEitherSide() {
        TestUser alice = newUser();
        TestUser bob = newUser();

        Api.Response first = api.post("/api/v1/dms", alice.token(), Map.of("userId", bob.id()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode room = first.body();
        assertThat(room.get("kind").asString()).isEqualTo("dm");
        assertThat(room.get("memberCount").asInt()).isEqualTo(2);
        assertThat(room.get("myRole").asString()).isEqualTo("member");
        assertThat(room.get("otherUserId").asString()).isEqualTo(bob.id().toString());
        assertThat(room.get("name").isNull()).isTrue();
        assertThat(room.get("ownerId").isNull()).isTrue();

        Api.Response again = api.post("/api/v1/dms", alice.token(), Map.of("userId", bob.id()));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.str("id")).isEqualTo(room.get("id").asString());
        Api.Response fromBob = api.post("/api/v1/dms", bob.token(), Map.of("userId", alice.id()));
        assertThat(fromBob.status()).isEqualTo(200);
        assertThat(fromBob.str("id")).isEqualTo(room.get("id").asString());
        assertThat(fromBob.str("otherUserId")).isEqualTo(alice.id().toString());

        UUID roomId = id(room);
        List<Event> published = settledEvents(roomId, 3);
        assertThat(published).extracting(Event::type).containsExactly("room.created", "room.member.added", "room.member.added");
        assertThat(published.get(0).field("kind")).isEqualTo("dm");
        assertThat(published.subList(1, 3)).extracting(e -> e.field("userId"))
                .containsExactlyInAnyOrder(alice.id().toString(), bob.id().toString());
        assertThat(published.subList(1, 3)).allSatisfy(e -> {
            assertThat(e.field("via")).isEqualTo("dm");
            assertThat(e.field("kind")).isEqualTo("dm");
            assertThat(e.field("role")).isEqualTo("member");
            assertThat(e.field("actorId")).isEqualTo(alice.id().toString());
        });
    }

    @Test
    void concurrentGetOrCreateFromBothSidesYieldsOneRoom() throws Exception {
        TestUser alice = newUser();
        TestUser bob = newUser();
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                TestUser from = i % 2 == 0 ? alice : bob;
                TestUser to = i % 2 == 0 ? bob : alice;
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/dms", from.token(), Map.of("userId", to.id()));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> roomIds = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get();
                statuses.add(r.status());
                roomIds.add(r.str("id"));
            }
            assertThat(roomIds).as(statuses.toString()).doesNotContainNull().containsOnly(roomIds.get(0));
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 200)).hasSize(requests - 1);

            UUID roomId = UUID.fromString(roomIds.get(0));
            int dms = jdbc.sql("SELECT count(*) FROM rooms WHERE kind = 'dm' AND ? IN (dm_user_low, dm_user_high) AND ? IN (dm_user_low, dm_user_high)")
                    .params(alice.id(), bob.id()).query(Integer.class).single();
            assertThat(dms).isEqualTo(1);
            assertThat(settledEvents(roomId, 3).stream().map(Event::type).toList())
                    .containsExactly("room.created", "room.member.added", "room.member.added");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void myDmsListTheOtherUser() {
        TestUser me = newUser();
        TestUser bob = newUser();
        TestUser carol = newUser();
        String withBob = api.post("/api/v1/dms", me.token(), Map.of("userId", bob.id())).str("id");
        String withCarol = api.post("/api/v1/dms", carol.token(), Map.of("userId", me.id())).str("id");
        createRoom(me, "public");

        Api.Response mine = api.get("/api/v1/dms", me.token());
        assertThat(mine.status()).isEqualTo(200);
        JsonNode items = mine.body().get("items");
        assertThat(items).hasSize(2);
        List<String> pairs = new ArrayList<>();
        items.forEach(i -> pairs.add(i.get("room").get("id").asString() + "->" + i.get("otherUserId").asString()));
        assertThat(pairs).containsExactlyInAnyOrder(withBob + "->" + bob.id(), withCarol + "->" + carol.id());
        items.forEach(i -> assertThat(i.get("room").get("kind").asString()).isEqualTo("dm"));
        assertThat(api.get("/api/v1/rooms", me.token()).body().get("items")).hasSize(3);
    }

    @Test
    void aDmIsExactlyItsTwoUsersAndCannotBeChanged() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        TestUser eve = newUser();
        String room = "/api/v1/rooms/" + api.post("/api/v1/dms", alice.token(), Map.of("userId", bob.id())).str("id");

        assertThat(api.get(room, eve.token()).status()).isEqualTo(404);
        assertThat(api.post(room + "/join", eve.token(), null).status()).isEqualTo(404);
        assertThat(api.get(room + "/members", eve.token()).status()).isEqualTo(404);
        assertThat(api.get(room, bob.token()).status()).isEqualTo(200);
        assertThat(api.get(room + "/members", bob.token()).body().get("total").asInt()).isEqualTo(2);

        for (Api.Response refused : List.of(
                api.patch(room, alice.token(), Map.of("name", "ours")),
                api.delete(room, alice.token()),
                api.post(room + "/members", alice.token(), Map.of("userId", eve.id())),
                api.delete(room + "/members/" + bob.id(), alice.token()),
                api.put(room + "/members/" + bob.id() + "/role", alice.token(), Map.of("role", "admin")),
                api.post(room + "/leave", alice.token(), null))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("forbidden");
        }
        assertThat(api.get(room, alice.token()).body().get("memberCount").asInt()).isEqualTo(2);
    }

    @Test
    void aDmNeedsAnotherExistingUser() {
        TestUser alice = newUser();
        Api.Response self = api.post("/api/v1/dms", alice.token(), Map.of("userId", alice.id()));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.code()).isEqualTo("validation_failed");
        Api.Response ghost = api.post("/api/v1/dms", alice.token(), Map.of("userId", UUID.randomUUID()));
        assertThat(ghost.status()).isEqualTo(404);
        assertThat(ghost.code()).isEqualTo("user_not_found");
    }
}
