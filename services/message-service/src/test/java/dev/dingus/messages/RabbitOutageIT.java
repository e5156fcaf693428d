package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.testsupport.LocalServices;
import dev.dingus.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;

/** RabbitMQ stopped: messages are still sent and stored; their events wait in the outbox and arrive after it returns. */
class RabbitOutageIT extends IntegrationTestBase {

    @Autowired
    ConnectionFactory connections;

    @Test
    void eventsWaitInTheOutboxAndArriveAfterRabbitMqReturns() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        // A durable queue of the test's own, so that it outlives the broker's restart.
        RabbitAdmin admin = new RabbitAdmin(connections);
        Queue queue = new Queue("test.outage." + TestInfrastructure.uniqueId(), true, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(slice().exchange(), true, true)).with("message.#"));
        SocketClients.Client a = connect(alice);
        Set<String> sentIds = new HashSet<>();
        try {
            try {
                LocalServices.stopRabbitApp();
                for (int i = 0; i < 3; i++) {
                    var ack = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "while rabbit sleeps " + i));
                    assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
                    sentIds.add(ack.path("message").path("id").asString());
                }
                assertThat(jdbc.sql("SELECT count(*) FROM dingus_outbox WHERE type = ?").param(EventTypes.MESSAGE_CREATED)
                        .query(Long.class).single()).isGreaterThanOrEqualTo(3);
            } finally {
                LocalServices.startRabbitApp();
            }
            Set<String> arrived = new HashSet<>();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!arrived.containsAll(sentIds) && System.nanoTime() < deadline) {
                Message m = rabbit.receive(queue.getName(), 1000);
                if (m != null) {
                    arrived.add(json.readTree(new String(m.getBody(), StandardCharsets.UTF_8)).path("data").path("messageId").asString());
                }
            }
            assertThat(arrived).containsAll(sentIds);
            awaitTrue(() -> jdbc.sql("SELECT count(*) FROM dingus_outbox").query(Long.class).single() == 0, "outbox drained");
        } finally {
            admin.deleteQueue(queue.getName());
        }
        // Consuming works again too: a membership event is applied.
        TestUser late = newUser();
        long deadline = System.nanoTime() + 30_000_000_000L;
        addMemberEventually(roomId, late, deadline);
    }

    private void addMemberEventually(UUID roomId, TestUser user, long deadline) {
        ROOM_SERVICE.knows(roomId, "private", "everyone", user.id(), "member");
        publish(EventTypes.ROOM_MEMBER_ADDED, new dev.dingus.contracts.events.RoomMemberAdded(roomId, "private", "room",
                user.id(), "member", "invite", user.id(), "everyone"));
        while (roleOf(roomId, user) == null && System.nanoTime() < deadline) {
            SocketClients.sleep(200);
        }
        assertThat(roleOf(roomId, user)).isEqualTo("member");
    }
}
