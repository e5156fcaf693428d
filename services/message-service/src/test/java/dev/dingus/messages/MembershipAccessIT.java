package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.contracts.events.RoomMemberRoleChanged;
import dev.dingus.contracts.events.RoomUpdated;
import dev.dingus.messages.core.RedisKeys;
import dev.dingus.messages.realtime.MembershipSweep;
import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.platform.events.EventHandler;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** Nobody reads or writes where they do not belong; membership follows room-service's events at once. */
class MembershipAccessIT extends IntegrationTestBase {

    @Test
    void nonMembersCanNeitherJoinReadNorSendAndLearnNothingAboutPrivateRooms() {
        TestUser owner = newUser();
        TestUser stranger = newUser();
        UUID roomId = room(owner);
        SocketClients.Client o = connect(owner);
        String secretId = o.emitAck("send_message", map("roomId", roomId.toString(), "content", "secret")).path("message").path("id").asString();
        SocketClients.Client s = connect(stranger);

        assertThat(s.emitAck("join_room", map("roomId", roomId.toString())).path("error").path("code").asString()).isEqualTo("room_not_found");
        assertThat(s.emitAck("send_message", map("roomId", roomId.toString(), "content", "hi")).path("error").path("code").asString())
                .isEqualTo("room_not_found");
        assertThat(s.emitAck("typing", map("roomId", roomId.toString())).path("error").path("code").asString()).isEqualTo("room_not_found");
        assertThat(s.emitAck("mark_read", map("roomId", roomId.toString(), "seq", 1)).path("error").path("code").asString())
                .isEqualTo("room_not_found");
        assertThat(s.emitAck("edit_message", map("messageId", secretId, "content", "x")).path("error").path("code").asString())
                .isEqualTo("message_not_found");
        assertThat(s.emitAck("delete_message", map("messageId", secretId)).path("error").path("code").asString())
                .isEqualTo("message_not_found");

        Api.Response history = api().get("/api/v1/rooms/" + roomId + "/messages", stranger.token());
        assertThat(history.status()).isEqualTo(404);
        assertThat(history.code()).isEqualTo("room_not_found");
        assertThat(history.body().toString()).doesNotContain("secret");
        Api.Response send = api().post("/api/v1/rooms/" + roomId + "/messages", stranger.token(), map("content", "hi"));
        assertThat(send.status()).isEqualTo(404);
        // A room that does not exist looks exactly the same.
        Api.Response none = api().get("/api/v1/rooms/" + UUID.randomUUID() + "/messages", stranger.token());
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.code()).isEqualTo("room_not_found");
        assertThat(none.body().path("detail")).isEqualTo(history.body().path("detail"));
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void nonMembersOfAPublicRoomAreToldToJoinFirst() {
        TestUser owner = newUser();
        TestUser passerBy = newUser();
        UUID roomId = room("public", "everyone", owner);
        Api.Response history = api().get("/api/v1/rooms/" + roomId + "/messages", passerBy.token());
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.code()).isEqualTo("not_a_member");
        assertThat(connect(passerBy).emitAck("join_room", map("roomId", roomId.toString())).path("error").path("code").asString())
                .isEqualTo("not_a_member");
    }

    @Test
    void inAnAdminsOnlyRoomOnlyOwnerAndAdminsPost() {
        TestUser owner = newUser();
        TestUser member = newUser();
        UUID roomId = room("private", "admins", owner, member);
        SocketClients.Client m = connect(member);
        m.emitAck("join_room", map("roomId", roomId.toString()));
        JsonNode refused = m.emitAck("send_message", map("roomId", roomId.toString(), "content", "may I?"));
        assertThat(refused.path("error").path("code").asString()).isEqualTo("posting_not_allowed");
        assertThat(api().post("/api/v1/rooms/" + roomId + "/messages", member.token(), map("content", "may I?")).code())
                .isEqualTo("posting_not_allowed");
        assertThat(connect(owner).emitAck("send_message", map("roomId", roomId.toString(), "content", "yes")).path("success").asBoolean()).isTrue();

        // Promoted to admin: may post at once; the room opened to everyone: members may post.
        ROOM_SERVICE.knows(roomId, "private", "admins", member.id(), "admin");
        publish(EventTypes.ROOM_MEMBER_ROLE_CHANGED, new RoomMemberRoleChanged(roomId, member.id(), "admin", owner.id()));
        awaitTrue(() -> "admin".equals(roleOf(roomId, member)), "promotion");
        assertThat(m.emitAck("send_message", map("roomId", roomId.toString(), "content", "now I may")).path("success").asBoolean()).isTrue();
        TestUser other = newUser();
        addMember(roomId, "private", "admins", other, "member");
        ROOM_SERVICE.knows(roomId, "private", "everyone", owner.id(), "owner");
        publish(EventTypes.ROOM_UPDATED, new RoomUpdated(roomId, "private", "room", null, "everyone", owner.id()));
        awaitTrue(() -> "everyone".equals(jdbc.sql("SELECT post_policy FROM rooms WHERE id = ?").param(roomId).query(String.class).single()),
                "post policy change");
        assertThat(connect(other).emitAck("send_message", map("roomId", roomId.toString(), "content", "me too")).path("success").asBoolean())
                .isTrue();
        JsonNode updated = m.awaitEvent("room_updated", WAIT);
        assertThat(updated.path("roomId").asString()).isEqualTo(roomId.toString());
        assertThat(updated.path("postPolicy").asString()).isEqualTo("everyone");
    }

    @Test
    void aRemovedMemberStopsReceivingAtOnceAndCannotComeBack() {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        SocketClients.Client o = pair.ownerSocket();
        SocketClients.Client b = pair.bobSocket();
        o.emitAck("send_message", map("roomId", roomId.toString(), "content", "while bob is in"));
        b.awaitEvent("new_message", WAIT);

        removeMember(roomId, pair.bob());
        JsonNode left = b.awaitEvent("room_left", WAIT);
        assertThat(left.path("roomId").asString()).isEqualTo(roomId.toString());
        assertThat(left.path("reason").asString()).isEqualTo("removed");

        o.emitAck("send_message", map("roomId", roomId.toString(), "content", "bob is gone"));
        o.awaitEvents("new_message", 2, WAIT);
        SocketClients.sleep(300);
        assertThat(b.events("new_message")).hasSize(1);
        assertThat(b.emitAck("join_room", map("roomId", roomId.toString())).path("error").path("code").asString()).isEqualTo("room_not_found");
        assertThat(b.emitAck("send_message", map("roomId", roomId.toString(), "content", "let me in")).path("error").path("code").asString())
                .isEqualTo("room_not_found");
    }

    @Autowired
    private StringRedisTemplate redis;
    @Autowired
    private RedisKeys keys;

    @Test
    void aMemberRemovedWhileTypingIsNoLongerShownTyping() {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        pair.bobSocket().emitAck("typing", map("roomId", roomId.toString()));
        JsonNode typing = pair.ownerSocket().awaitEvent("user_typing", WAIT);
        assertThat(typing.path("userId").asString()).isEqualTo(pair.bob().id().toString());

        removeMember(roomId, pair.bob());
        JsonNode stopped = pair.ownerSocket().awaitEvent("user_stopped_typing", WAIT);
        assertThat(stopped.path("userId").asString()).isEqualTo(pair.bob().id().toString());
        assertThat(stopped.path("roomId").asString()).isEqualTo(roomId.toString());
        assertThat(redis.hasKey(keys.typing(roomId, pair.bob().id()))).isFalse();
    }

    @Autowired
    List<EventHandler<?>> eventHandlers;

    @Test
    void aRemovalBetweenTheMembershipCheckAndTheJoinWins() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner);
        SocketClients.Client o = connect(owner);
        o.emitAck("join_room", map("roomId", roomId.toString()));
        // Bob was just added: room-service knows, its event has not arrived, so join_room asks room-service. It answers
        // "member", and while that answer is on its way bob is removed, applied on this node as a consumed event is.
        ROOM_SERVICE.knows(roomId, "private", "everyone", bob.id(), "member");
        ROOM_SERVICE.whileAnswering(roomId, bob.id(), () -> {
            ROOM_SERVICE.forgets(roomId, bob.id());
            handleNow(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "private", bob.id(), "remove", null));
        });
        SocketClients.Client b = connect(bob);

        JsonNode joined = b.emitAck("join_room", map("roomId", roomId.toString()));
        assertThat(joined.path("error").path("code").asString()).as(joined.toString()).isEqualTo("room_not_found");
        o.emitAck("send_message", map("roomId", roomId.toString(), "content", "bob was removed"));
        o.awaitEvent("new_message", WAIT);
        SocketClients.sleep(300);
        assertThat(b.events("new_message")).isEmpty();
        assertThat(b.events("room_joined")).isEmpty();
        assertThat(o.events("user_joined")).isEmpty();
    }

    /** Runs this service's handler of an event type on the calling thread, outside a transaction (effects at once). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handleNow(String type, Object payload) {
        EventHandler handler = eventHandlers.stream().filter(h -> h.type().equals(type)).findFirst().orElseThrow();
        handler.handle(payload, null);
    }

    @Autowired
    MembershipSweep sweep;

    @Test
    void aRemovalThatNeverReachedThisNodeIsCaughtByTheSweep() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        SocketClients.Client b = connect(bob);
        b.emitAck("join_room", map("roomId", roomId.toString()));
        // As if another node consumed the removal while Redis was away: the tables changed, nobody told us.
        ROOM_SERVICE.forgets(roomId, bob.id());
        jdbc.sql("DELETE FROM room_members WHERE room_id = ? AND user_id = ?").params(roomId, bob.id()).update();
        sweep.sweep();
        assertThat(b.awaitEvent("room_left", WAIT).path("reason").asString()).isEqualTo("removed");
        // A member in good standing stays.
        SocketClients.Client o = connect(owner);
        o.emitAck("join_room", map("roomId", roomId.toString()));
        sweep.sweep();
        SocketClients.sleep(200);
        assertThat(o.events("room_left")).isEmpty();
    }

    @Test
    void whatTheEventsHaveNotToldYetIsAskedOfRoomService() {
        TestUser alice = newUser();
        UUID roomId = UUID.randomUUID();
        ROOM_SERVICE.knows(roomId, "private", "everyone", alice.id(), "owner");
        int callsBefore = ROOM_SERVICE.calls(roomId);
        SocketClients.Client a = connect(alice);
        JsonNode joined = a.emitAck("join_room", map("roomId", roomId.toString()));
        assertThat(joined.path("success").asBoolean()).as(joined.toString()).isTrue();
        assertThat(a.emitAck("send_message", map("roomId", roomId.toString(), "content", "first!")).path("message").path("seq").asLong())
                .isEqualTo(1);
        // Answers are kept for a moment: one question for both events.
        assertThat(ROOM_SERVICE.calls(roomId) - callsBefore).isEqualTo(1);
        TestUser stranger = newUser();
        assertThat(connect(stranger).emitAck("join_room", map("roomId", roomId.toString())).path("error").path("code").asString())
                .isEqualTo("room_not_found");
    }

    @Test
    void aDeletedRoomLosesItsMessagesAndItsSockets() {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        SocketClients.Client o = pair.ownerSocket();
        SocketClients.Client b = pair.bobSocket();
        o.emitAck("send_message", map("roomId", roomId.toString(), "content", "soon gone"));
        b.emitAck("mark_read", map("roomId", roomId.toString(), "seq", 1));

        ROOM_SERVICE.deleted(roomId);
        publish(EventTypes.ROOM_DELETED, new RoomDeleted(roomId, "private", pair.owner().id(), List.of(pair.owner().id(), pair.bob().id())));
        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM rooms WHERE id = ?").param(roomId).query(Long.class).single() == 0, "room deletion");
        assertThat(b.awaitEvent("room_deleted", WAIT).path("roomId").asString()).isEqualTo(roomId.toString());
        o.awaitEvent("room_deleted", WAIT);
        assertThat(api().get("/api/v1/rooms/" + roomId + "/messages", pair.owner().token()).status()).isEqualTo(404);
        // The rows go in the background purger's batches (RoomPurgeIT), soon after.
        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single() == 0
                && jdbc.sql("SELECT count(*) FROM read_state WHERE room_id = ?").param(roomId).query(Long.class).single() == 0,
                "the purge of the room's messages and read state");
        // Its sockets left the room: a broadcast to it reaches nobody.
        socketServer.toRoom(roomId, "new_message", map("probe", true));
        SocketClients.sleep(300);
        assertThat(b.events("new_message")).hasSize(1);
    }
}
