package dev.dingus.presence;

import static dev.dingus.testsupport.Eventually.during;
import static dev.dingus.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendRemoved;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.realtime.SocketEvents;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.presence.support.MessageNode;
import dev.dingus.presence.support.PresenceTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.EventCapture;
import dev.dingus.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PresenceIT extends PresenceTestBase {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aUserIsOnlineUntilTheLastOfTwoSocketsCloses() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        try (Heartbeats beating = heartbeats();
                EventCapture changes = EventCapture.start(rabbit, exchange, "presence.#")) {
            String phone = node.connect(alice.id());
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);
            String laptop = node.connect(alice.id());
            assertThat(statusOf(bob, alice)).isEqualTo("online");

            node.disconnect(phone);
            during(Duration.ofSeconds(1), () -> assertThat(statusOf(bob, alice)).isEqualTo("online"));

            Instant beforeLastClose = Instant.now();
            node.disconnect(laptop);
            List<JsonNode> updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 2, WAIT);
            assertThat(updates.get(0).path("userId").asString()).isEqualTo(alice.id().toString());
            assertThat(updates.get(0).path("status").asString()).isEqualTo("online");
            assertThat(updates.get(0).path("lastSeen").isNull()).isTrue();
            assertThat(updates.get(1).path("status").asString()).isEqualTo("offline");
            Instant lastSeen = Instant.parse(updates.get(1).path("lastSeen").asString());
            assertThat(lastSeen).isBetween(beforeLastClose.minusSeconds(1), Instant.now());

            Api.Response presence = api.get("/api/v1/presence/" + alice.id(), bob.token());
            assertThat(presence.str("status")).isEqualTo("offline");
            assertThat(Instant.parse(presence.str("lastSeen"))).isEqualTo(lastSeen);
            assertThat(presence.body().get("lastActive").isNull()).isTrue();

            // presence.changed: the same two changes, once each
            List<String> published = changes.await(EventTypes.PRESENCE_CHANGED,
                    bodies -> dataOf(bodies, alice.id()).size() == 2, WAIT);
            assertThat(dataOf(published, alice.id())).extracting(d -> d.path("status").asString())
                    .containsExactly("online", "offline");
        }
    }

    @Test
    void usersOfANodeThatStopsHeartbeatingGoOfflineWhileOthersStayOnline() {
        TestUser alice = newUser();
        TestUser carol = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, carol, bob);
        MessageNode dying = new MessageNode(redis, prefix, TTL);
        MessageNode healthy = new MessageNode(redis, prefix, TTL);
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService dyingHeartbeats = Executors.newSingleThreadScheduledExecutor();
        AtomicReference<Instant> lastHeartbeat = new AtomicReference<>();
        try {
            dying.connect(alice.id());
            healthy.connect(carol.id());
            heartbeats.scheduleAtFixedRate(healthy::heartbeat, 0, 300, TimeUnit.MILLISECONDS);
            dyingHeartbeats.scheduleAtFixedRate(() -> {
                lastHeartbeat.set(Instant.now());
                dying.heartbeat();
            }, 0, 300, TimeUnit.MILLISECONDS);
            eventually(WAIT, () -> {
                assertThat(statusOf(bob, alice)).isEqualTo("online");
                assertThat(statusOf(bob, carol)).isEqualTo("online");
            });
            // the dying node says nothing more: no disconnect report, no heartbeat
            dyingHeartbeats.shutdown();
            assertThat(dyingHeartbeats.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

            List<JsonNode> updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE,
                    got -> got.stream().anyMatch(u -> isUpdate(u, alice, "offline")), TTL.plus(WAIT));
            JsonNode offline = updates.stream().filter(u -> isUpdate(u, alice, "offline")).findFirst().orElseThrow();
            // last seen = the last heartbeat, not the moment the sweep noticed
            assertThat(Instant.parse(offline.path("lastSeen").asString()))
                    .isBetween(lastHeartbeat.get().minusSeconds(1), lastHeartbeat.get().plusSeconds(1));
            assertThat(redis.opsForZSet().size(prefix + "presence:conn:" + alice.id())).isZero();
            assertThat(redis.opsForZSet().score(prefix + "presence:deadlines", alice.id().toString())).isNull();

            during(TTL.plusSeconds(1), () -> assertThat(statusOf(bob, carol)).isEqualTo("online"));
            assertThat(fanout.received(target(bob), SocketEvents.PRESENCE_UPDATE))
                    .noneMatch(u -> isUpdate(u, carol, "offline"));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            heartbeats.shutdownNow();
            dyingHeartbeats.shutdownNow();
        }
    }

    @Test
    void aSocketThatNeverHeartbeatsExpiresToo() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        node.connect(alice.id()); // the node dies before its first refresh round
        fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.stream().anyMatch(u -> isUpdate(u, alice, "offline")),
                TTL.plus(WAIT));
        assertThat(statusOf(bob, alice)).isEqualTo("offline");
    }

    @Test
    void invisibleLooksOfflineToOthersAndOtherChoicesShowAsChosen() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        node.connect(alice.id());
        fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);

        Api.Response invisible = api.put("/api/v1/presence/me", alice.token(), Map.of("status", "invisible"));
        assertThat(invisible.status()).as(invisible.toString()).isEqualTo(200);
        assertThat(invisible.str("status")).isEqualTo("offline");
        List<JsonNode> updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 2, WAIT);
        assertThat(updates.get(1).path("status").asString()).isEqualTo("offline");
        assertThat(updates.get(1).path("lastSeen").isNull()).isFalse();
        Api.Response seenByBob = api.get("/api/v1/presence/" + alice.id(), bob.token());
        assertThat(seenByBob.str("status")).isEqualTo("offline");
        assertThat(seenByBob.str("lastSeen")).isNotNull();
        assertThat(seenByBob.body().get("lastActive").isNull()).as("an invisible user's activity is not shown").isTrue();

        assertThat(api.put("/api/v1/presence/me", alice.token(), Map.of("status", "dnd")).str("status")).isEqualTo("dnd");
        assertThat(api.put("/api/v1/presence/me", alice.token(), Map.of("status", "away")).str("status")).isEqualTo("away");
        assertThat(api.put("/api/v1/presence/me", alice.token(), Map.of("status", "online")).str("status")).isEqualTo("online");
        updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 5, WAIT);
        assertThat(updates).extracting(u -> u.path("status").asString())
                .containsExactly("online", "offline", "dnd", "away", "online");
    }

    @Test
    void choosingTheStatusOthersAlreadySeeAnnouncesNothing() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        sameRoom(UUID.randomUUID(), alice, bob);
        try (Heartbeats beating = heartbeats()) {
            node.connect(alice.id());
            fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);

            for (String status : List.of("dnd", "dnd", "away")) {
                Api.Response r = api.put("/api/v1/presence/me", alice.token(), Map.of("status", status));
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(r.str("status")).isEqualTo(status);
            }
            // updates arrive in order: once "away" is there, a second "dnd" would have been before it
            List<JsonNode> updates = fanout.await(target(bob), SocketEvents.PRESENCE_UPDATE,
                    got -> got.stream().anyMatch(u -> isUpdate(u, alice, "away")), WAIT);
            assertThat(updates).extracting(u -> u.path("status").asString()).containsExactly("online", "dnd", "away");
        }
    }

    @Test
    void updatesReachRoomMatesAndFriendsOnceEachButNotStrangers() {
        TestUser alice = newUser();
        TestUser roomMate = newUser();
        TestUser friend = newUser();
        TestUser both = newUser();
        TestUser stranger = newUser();
        UUID room = UUID.randomUUID();
        UUID otherRoom = UUID.randomUUID();
        sameRoom(room, alice, roomMate, both);
        sameRoom(otherRoom, alice, both);
        sameRoom(UUID.randomUUID(), roomMate, stranger);
        friends(alice, friend);
        friends(both, alice);

        node.connect(alice.id());
        fanout.await(target(roomMate), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);
        fanout.await(target(friend), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);
        fanout.await(target(both), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);

        // one emit, whose targets are exactly the distinct people who share something with alice
        List<JsonNode> emits = fanout.all(SocketEvents.PRESENCE_UPDATE).stream()
                .filter(m -> m.path("args").path(0).path("userId").asString().equals(alice.id().toString())).toList();
        assertThat(emits).hasSize(1);
        assertThat(emits.getFirst().path("targets").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(target(roomMate), target(friend), target(both));
        assertThat(fanout.received(target(stranger), SocketEvents.PRESENCE_UPDATE)).isEmpty();
        assertThat(fanout.received(target(alice), SocketEvents.PRESENCE_UPDATE)).isEmpty();
    }

    @Test
    void leavingARoomEndingAFriendshipOrDeletingARoomStopsUpdates() {
        TestUser alice = newUser();
        TestUser leaver = newUser();
        TestUser exFriend = newUser();
        TestUser inDeletedRoom = newUser();
        TestUser stays = newUser();
        UUID room = UUID.randomUUID();
        UUID doomed = UUID.randomUUID();
        sameRoom(room, alice, leaver, stays);
        sameRoom(doomed, alice, inDeletedRoom);
        friends(alice, exFriend);

        events.publishNow(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(room, "public", leaver.id(), "leave", leaver.id()));
        events.publishNow(EventTypes.FRIEND_REMOVED, new FriendRemoved(exFriend.id(), alice.id()));
        events.publishNow(EventTypes.ROOM_DELETED, new RoomDeleted(doomed, "private", alice.id(),
                List.of(alice.id(), inDeletedRoom.id())));
        eventually(WAIT, () -> {
            assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + room, leaver.id().toString())).isFalse();
            assertThat(redis.opsForSet().isMember(prefix + "presence:friends:" + alice.id(), exFriend.id().toString())).isFalse();
            assertThat(redis.hasKey(prefix + "presence:members:" + doomed)).isFalse();
            assertThat(redis.opsForSet().isMember(prefix + "presence:rooms:" + alice.id(), doomed.toString())).isFalse();
        });

        node.connect(alice.id());
        fanout.await(target(stays), SocketEvents.PRESENCE_UPDATE, got -> got.size() == 1, WAIT);
        assertThat(fanout.received(target(leaver), SocketEvents.PRESENCE_UPDATE)).isEmpty();
        assertThat(fanout.received(target(exFriend), SocketEvents.PRESENCE_UPDATE)).isEmpty();
        assertThat(fanout.received(target(inDeletedRoom), SocketEvents.PRESENCE_UPDATE)).isEmpty();
    }

    @Test
    void aRedeliveredMembershipEventDoesNotUndoALaterLeave() {
        TestUser alice = newUser();
        UUID room = UUID.randomUUID();
        EventEnvelope joined = new EventEnvelope(UUID.randomUUID(), EventTypes.ROOM_MEMBER_ADDED, Instant.now(), "room-service",
                JSON.valueToTree(new RoomMemberAdded(room, "public", "Room", alice.id(), "member", "join", alice.id(), "everyone")));
        events.publishConfirmed(List.of(joined));
        eventually(WAIT, () -> assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + room, alice.id().toString())).isTrue());
        events.publishNow(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(room, "public", alice.id(), "leave", alice.id()));
        eventually(WAIT, () -> assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + room, alice.id().toString())).isFalse());

        events.publishConfirmed(List.of(joined)); // RabbitMQ delivers the old event again
        UUID marker = UUID.randomUUID();
        events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(marker, "public", "Marker", alice.id(), "member",
                "join", alice.id(), "everyone"));
        // the queue is consumed in order: once the later marker is applied, the redelivery was handled (and ignored)
        eventually(WAIT, () -> assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + marker, alice.id().toString())).isTrue());
        assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + room, alice.id().toString())).isFalse();
    }

    @Test
    void manyUsersPresenceInOneCall() {
        TestUser asker = newUser();
        TestUser online = newUser();
        TestUser offline = newUser();
        node.connect(online.id());
        eventually(WAIT, () -> assertThat(statusOf(asker, online)).isEqualTo("online"));

        UUID unknown = UUID.randomUUID();
        Api.Response r = api.post("/api/v1/presence/query", asker.token(),
                Map.of("userIds", List.of(online.id(), offline.id(), unknown, online.id())));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, String> statuses = new java.util.HashMap<>();
        r.body().get("items").forEach(item -> statuses.put(item.get("userId").asString(), item.get("status").asString()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                online.id().toString(), "online", offline.id().toString(), "offline"));
        assertThat(r.body().get("items")).hasSize(2);
        assertThat(r.body().get("items").get(0).get("lastActive").isNull()).isFalse();
    }

    @Test
    void aUserPresenceLearnedNothingAboutIsAskedOfAuthService() {
        TestUser asker = newUser();
        UUID id = UUID.randomUUID();
        AUTH.add(id, "late" + id.toString().substring(0, 6)); // registered before presence listened
        Api.Response r = api.get("/api/v1/presence/" + id, asker.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.str("status")).isEqualTo("offline");
        assertThat(r.body().get("lastSeen").isNull()).isTrue();
        assertThat(redis.opsForSet().isMember(prefix + "presence:users", id.toString())).isTrue();
    }

    private static boolean isUpdate(JsonNode update, TestUser user, String status) {
        return update.path("userId").asString().equals(user.id().toString()) && update.path("status").asString().equals(status);
    }

    private static List<JsonNode> dataOf(List<String> envelopes, UUID userId) {
        return envelopes.stream().map(JSON::readTree).map(e -> e.path("data"))
                .filter(d -> d.path("userId").asString().equals(userId.toString())).toList();
    }
}
