package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every client event of ARCHITECTURE §5 beyond sending, with what the room hears. */
class RealtimeEventsIT extends IntegrationTestBase {

    private record Pair(UUID roomId, SocketClients.Client a, SocketClients.Client b) {}

    private Pair twoInARoom(TestUser alice, TestUser bob) {
        UUID roomId = room(alice, bob);
        SocketClients.Client a = connect(alice);
        SocketClients.Client b = connect(bob);
        assertThat(a.emitAck("join_room", map("roomId", roomId.toString())).path("success").asBoolean()).isTrue();
        assertThat(b.emitAck("join_room", map("roomId", roomId.toString())).path("success").asBoolean()).isTrue();
        return new Pair(roomId, a, b);
    }

    @Test
    void joinAnswersWithTheLatestPageAndTellsTheOthers() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room(alice, bob);
        SocketClients.Client a = connect(alice);
        a.emitAck("join_room", map("roomId", roomId.toString()));
        for (int i = 1; i <= 3; i++) {
            a.emitAck("send_message", map("roomId", roomId.toString(), "content", "m" + i));
        }
        SocketClients.Client b = connect(bob);
        JsonNode ack = b.emitAck("join_room", map("roomId", roomId.toString()));
        assertThat(ack.path("success").asBoolean()).isTrue();
        assertThat(ack.path("lastSeq").asLong()).isEqualTo(3);
        assertThat(ack.path("messages")).extracting(m -> m.path("content").asString()).containsExactly("m1", "m2", "m3");
        JsonNode joined = b.awaitEvent("room_joined", WAIT);
        assertThat(joined.path("roomId").asString()).isEqualTo(roomId.toString());
        assertThat(joined.path("messages")).hasSize(3);
        assertThat(joined.path("lastSeq").asLong()).isEqualTo(3);
        JsonNode userJoined = a.awaitEvent("user_joined", WAIT);
        assertThat(userJoined.path("userId").asString()).isEqualTo(bob.id().toString());
        assertThat(userJoined.path("username").asString()).isEqualTo(bob.username());
        assertThat(userJoined.path("roomId").asString()).isEqualTo(roomId.toString());
    }

    @Test
    void leavingStopsDeliveryAndTellsTheOthers() {
        Pair p = twoInARoom(newUser(), newUser());
        JsonNode left = p.b().emitAck("leave_room", map("roomId", p.roomId().toString()));
        assertThat(left.path("success").asBoolean()).isTrue();
        p.b().awaitEvent("room_left", e -> p.roomId().toString().equals(e.path("roomId").asString()), WAIT);
        p.a().awaitEvent("user_left", WAIT);
        p.a().emitAck("send_message", map("roomId", p.roomId().toString(), "content", "after bob left"));
        p.a().awaitEvent("new_message", WAIT);
        SocketClients.sleep(300);
        assertThat(p.b().events("new_message")).isEmpty();
    }

    @Test
    void editAndDeleteReachTheRoomAndLeaveATombstone() {
        TestUser alice = newUser();
        Pair p = twoInARoom(alice, newUser());
        JsonNode sent = p.a().emitAck("send_message", map("roomId", p.roomId().toString(), "content", "frist")).path("message");
        String id = sent.path("id").asString();

        JsonNode edited = p.a().emitAck("edit_message", map("messageId", id, "content", "first"));
        assertThat(edited.path("success").asBoolean()).as(edited.toString()).isTrue();
        assertThat(edited.path("message").path("content").asString()).isEqualTo("first");
        assertThat(edited.path("message").path("edited_at").isString()).isTrue();
        JsonNode atBob = p.b().awaitEvent("message_edited", WAIT);
        assertThat(atBob.path("id").asString()).isEqualTo(id);
        assertThat(atBob.path("content").asString()).isEqualTo("first");
        assertThat(atBob.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());

        JsonNode deleted = p.a().emitAck("delete_message", map("messageId", id));
        assertThat(deleted.path("success").asBoolean()).isTrue();
        JsonNode gone = p.b().awaitEvent("message_deleted", WAIT);
        assertThat(gone.path("messageId").asString()).isEqualTo(id);
        assertThat(gone.path("roomId").asString()).isEqualTo(p.roomId().toString());
        assertThat(gone.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
        assertThat(gone.path("deletedBy").asString()).isEqualTo(alice.id().toString());

        // The tombstone keeps its place in history (cache and database alike), without its text.
        JsonNode history = api().get("/api/v1/rooms/" + p.roomId() + "/messages", alice.token()).body().path("messages");
        assertThat(history).hasSize(1);
        assertThat(history.path(0).path("deleted").asBoolean()).isTrue();
        assertThat(history.path(0).path("content").asString()).isEmpty();
        JsonNode older = api().get("/api/v1/rooms/" + p.roomId() + "/messages?afterSeq=0", alice.token()).body().path("messages");
        assertThat(older.path(0).path("deleted").asBoolean()).isTrue();

        JsonNode editGone = p.a().emitAck("edit_message", map("messageId", id, "content", "again"));
        assertThat(editGone.path("error").path("code").asString()).isEqualTo("conflict");
        JsonNode deleteAgain = p.a().emitAck("delete_message", map("messageId", id));
        assertThat(deleteAgain.path("success").asBoolean()).isTrue();
    }

    @Test
    void onlyTheSenderEditsAndOnlySenderOrAdminsDelete() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        TestUser carol = newUser();
        UUID roomId = room(owner, bob, carol);
        SocketClients.Client b = connect(bob);
        SocketClients.Client c = connect(carol);
        SocketClients.Client o = connect(owner);
        String id = b.emitAck("send_message", map("roomId", roomId.toString(), "content", "bob's")).path("message").path("id").asString();

        assertThat(c.emitAck("edit_message", map("messageId", id, "content", "carol's now")).path("error").path("code").asString())
                .isEqualTo("forbidden");
        assertThat(o.emitAck("edit_message", map("messageId", id, "content", "owner's now")).path("error").path("code").asString())
                .isEqualTo("forbidden");
        assertThat(c.emitAck("delete_message", map("messageId", id)).path("error").path("code").asString()).isEqualTo("forbidden");
        assertThat(o.emitAck("delete_message", map("messageId", id)).path("success").asBoolean()).isTrue();
    }

    @Test
    void typingReachesTheOthersAndStopsWhenToldOrWhenTheTypistLeaves() {
        TestUser alice = newUser();
        Pair p = twoInARoom(alice, newUser());
        p.a().emit("typing", map("roomId", p.roomId().toString()));
        JsonNode typing = p.b().awaitEvent("user_typing", WAIT);
        assertThat(typing.path("userId").asString()).isEqualTo(alice.id().toString());
        assertThat(typing.path("username").asString()).isEqualTo(alice.username());
        assertThat(typing.path("roomId").asString()).isEqualTo(p.roomId().toString());
        // Typing is told to the others only, and repeated typing is not re-told within 2.5 s.
        p.a().emit("typing", map("roomId", p.roomId().toString()));
        SocketClients.sleep(300);
        assertThat(p.b().events("user_typing")).hasSize(1);
        assertThat(p.a().events("user_typing")).isEmpty();

        p.a().emit("stop_typing", map("roomId", p.roomId().toString()));
        p.b().awaitEvent("user_stopped_typing", WAIT);

        p.a().emit("typing", map("roomId", p.roomId().toString()));
        p.b().awaitEvents("user_typing", 2, WAIT);
        p.a().disconnect();
        p.b().awaitEvents("user_stopped_typing", 2, WAIT);
    }

    @Test
    void markReadTellsTheRoomAndOnlyMovesForward() {
        TestUser bob = newUser();
        Pair p = twoInARoom(newUser(), bob);
        for (int i = 0; i < 3; i++) {
            p.a().emitAck("send_message", map("roomId", p.roomId().toString(), "content", "m" + i));
        }
        JsonNode ack = p.b().emitAck("mark_read", map("roomId", p.roomId().toString(), "seq", 2));
        assertThat(ack.path("success").asBoolean()).isTrue();
        JsonNode read = p.a().awaitEvent("messages_read", WAIT);
        assertThat(read.path("userId").asString()).isEqualTo(bob.id().toString());
        assertThat(read.path("seq").asLong()).isEqualTo(2);
        assertThat(read.path("roomId").asString()).isEqualTo(p.roomId().toString());

        assertThat(p.b().emitAck("mark_read", map("roomId", p.roomId().toString(), "seq", 1)).path("success").asBoolean()).isTrue();
        SocketClients.sleep(300);
        assertThat(p.a().events("messages_read")).hasSize(1);
        assertThat(jdbc.sql("SELECT last_read_seq FROM read_state WHERE room_id = ? AND user_id = ?")
                .params(p.roomId(), bob.id()).query(Long.class).single()).isEqualTo(2);

        JsonNode beyond = p.b().emitAck("mark_read", map("roomId", p.roomId().toString(), "seq", 99));
        assertThat(beyond.path("error").path("code").asString()).isEqualTo("validation_failed");
    }

    @Test
    void everySocketIsInItsUsersRoomSoUserTargetsReachAllDevices() {
        TestUser alice = newUser();
        SocketClients.Client phone = connect(alice);
        SocketClients.Client laptop = connect(alice);
        socketServer.toUser(alice.id(), "notification", map("title", "hello"));
        assertThat(phone.awaitEvent("notification", WAIT).path("title").asString()).isEqualTo("hello");
        assertThat(laptop.awaitEvent("notification", WAIT).path("title").asString()).isEqualTo("hello");
    }

    @Test
    void errorsWithoutAnAckCallbackArriveAsErrorEvents() {
        TestUser alice = newUser();
        SocketClients.Client a = connect(alice);
        a.emit("join_room", map("roomId", UUID.randomUUID().toString()));
        JsonNode error = a.awaitEvent("error", WAIT);
        assertThat(error.path("success").asBoolean()).isFalse();
        assertThat(error.path("error").path("code").asString()).isEqualTo("room_not_found");
    }
}
