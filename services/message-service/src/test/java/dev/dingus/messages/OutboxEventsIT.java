package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.testsupport.EventCapture;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** message.created (with mentions and room kind), message.edited, message.deleted, message.read, through the outbox. */
class OutboxEventsIT extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    @Test
    void everyChangeIsPublishedOnceWithItsPayload() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room("dm", "everyone", alice, bob);
        try (EventCapture capture = EventCapture.start(connections, slice().exchange(), "message.#")) {
            SocketClients.Client a = connect(alice);
            JsonNode sent = a.emitAck("send_message", map("roomId", roomId.toString(),
                    "content", "hey @Bob and @carol.smith, also @bob again; mail me at x@example.com", "clientMsgId", "e-1"));
            String id = sent.path("message").path("id").asString();
            a.emitAck("send_message", map("roomId", roomId.toString(), "content", "resend", "clientMsgId", "e-1"));
            a.emitAck("edit_message", map("messageId", id, "content", "edited"));
            a.emitAck("delete_message", map("messageId", id));
            connect(bob).emitAck("mark_read", map("roomId", roomId.toString(), "seq", 1));

            JsonNode created = data(capture.await(EventTypes.MESSAGE_CREATED, l -> !l.isEmpty(), Duration.ofSeconds(15)).getFirst());
            assertThat(created.path("messageId").asString()).isEqualTo(id);
            assertThat(created.path("roomId").asString()).isEqualTo(roomId.toString());
            assertThat(created.path("roomKind").asString()).isEqualTo("dm");
            assertThat(created.path("seq").asLong()).isEqualTo(1);
            assertThat(created.path("senderId").asString()).isEqualTo(alice.id().toString());
            assertThat(created.path("senderUsername").asString()).isEqualTo(alice.username());
            assertThat(created.path("mentions")).extracting(JsonNode::asString).containsExactly("bob", "carol.smith");

            JsonNode edited = data(capture.await(EventTypes.MESSAGE_EDITED, l -> !l.isEmpty(), Duration.ofSeconds(15)).getFirst());
            assertThat(edited.path("messageId").asString()).isEqualTo(id);
            assertThat(edited.path("editedAt").isMissingNode()).isFalse();
            JsonNode deleted = data(capture.await(EventTypes.MESSAGE_DELETED, l -> !l.isEmpty(), Duration.ofSeconds(15)).getFirst());
            assertThat(deleted.path("deletedBy").asString()).isEqualTo(alice.id().toString());
            assertThat(deleted.path("seq").asLong()).isEqualTo(1);
            JsonNode read = data(capture.await(EventTypes.MESSAGE_READ, l -> !l.isEmpty(), Duration.ofSeconds(15)).getFirst());
            assertThat(read.path("userId").asString()).isEqualTo(bob.id().toString());
            assertThat(read.path("seq").asLong()).isEqualTo(1);

            SocketClients.sleep(500);
            // The resend created no second event.
            assertThat(capture.bodiesOf(EventTypes.MESSAGE_CREATED)).hasSize(1);
            List<String> envelopes = capture.bodiesOf(EventTypes.MESSAGE_CREATED);
            JsonNode envelope = json.readTree(envelopes.getFirst());
            assertThat(envelope.path("producer").asString()).isEqualTo("message-service");
            assertThat(envelope.path("type").asString()).isEqualTo(EventTypes.MESSAGE_CREATED);
            // Both ids are time-ordered (ADR 0018): new keys land on the right edge of their B-trees.
            assertThat(UUID.fromString(id).version()).isEqualTo(7);
            assertThat(UUID.fromString(envelope.path("id").asString()).version()).isEqualTo(7);
        }
    }

    private JsonNode data(String envelope) {
        return json.readTree(envelope).path("data");
    }
}
