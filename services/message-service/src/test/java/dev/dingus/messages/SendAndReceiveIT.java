package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The basic path: connect with a token, join, send (acked after the commit), everyone in the room receives, history. */
class SendAndReceiveIT extends IntegrationTestBase {

    @Test
    void aMessageIsAckedAfterCommitAndReachesEveryoneInTheRoomSenderIncluded() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room(alice, bob);
        SocketClients.Client a = connect(alice);
        SocketClients.Client b = connect(bob);

        JsonNode joined = a.emitAck("join_room", map("roomId", roomId.toString()));
        assertThat(joined.path("success").asBoolean()).as(joined.toString()).isTrue();
        assertThat(joined.path("messages")).isEmpty();
        assertThat(joined.path("lastSeq").asLong()).isZero();
        assertThat(b.emitAck("join_room", map("roomId", roomId.toString())).path("success").asBoolean()).isTrue();
        a.awaitEvent("user_joined", e -> bob.id().toString().equals(e.path("userId").asString()), WAIT);

        JsonNode ack = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "  hello bob  ", "clientMsgId", "c-1"));
        assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
        JsonNode message = ack.path("message");
        assertThat(message.path("seq").asLong()).isEqualTo(1);
        assertThat(message.path("content").asString()).isEqualTo("hello bob");
        assertThat(message.path("room_id").asString()).isEqualTo(roomId.toString());
        assertThat(message.path("sender_id").asString()).isEqualTo(alice.id().toString());
        assertThat(message.path("sender_username").asString()).isEqualTo(alice.username());
        assertThat(message.path("client_msg_id").asString()).isEqualTo("c-1");
        assertThat(message.path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(message.path("edited_at").isNull()).isTrue();
        assertThat(message.path("deleted").asBoolean()).isFalse();
        // Acked means committed: the row is there.
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE id = ?").param(UUID.fromString(message.path("id").asString()))
                .query(Long.class).single()).isEqualTo(1);

        JsonNode atBob = b.awaitEvent("new_message", WAIT);
        JsonNode atAlice = a.awaitEvent("new_message", WAIT);
        assertThat(atBob).isEqualTo(message);
        assertThat(atAlice).isEqualTo(message);

        Api.Response history = api().get("/api/v1/rooms/" + roomId + "/messages", bob.token());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("messages")).hasSize(1);
        assertThat(history.body().path("messages").path(0)).isEqualTo(message);
        assertThat(history.body().path("hasMore").asBoolean()).isFalse();
    }
}
