package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.messages.realtime.SocketServer;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.RoomRows;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.platform.web.security.RevokedSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two message-service nodes on one database, one Redis prefix and one event queue (competing consumers), as
 * in cluster mode: each delivers the other's messages, membership changes and revocations reach both.
 */
class TwoNodesIT extends IntegrationTestBase {
    private static ConfigurableApplicationContext second;

    @Autowired
    private RevokedSessions revokedSessions;

    /** The second node starts on first use, once the first one (and its slice) exists. */
    private String secondNodeUrl() {
        synchronized (TwoNodesIT.class) {
            if (second == null) {
                List<String> args = anotherNodeArguments("message-2", 0, 0);
                second = new SpringApplicationBuilder(MessageServiceApplication.class).run(args.toArray(String[]::new));
            }
            return "http://127.0.0.1:" + second.getBean(SocketServer.class).port();
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void eachNodeDeliversTheOthersMessagesAndSessionIdsNameTheirNode() {
        String node2 = secondNodeUrl();
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room(alice, bob);
        SocketClients.Connection onNode1 = sockets.connect("a-" + UUID.randomUUID(), socketUrl(), Map.of("auth", Map.of("token", alice.token())));
        SocketClients.Connection onNode2 = sockets.connect("b-" + UUID.randomUUID(), node2, Map.of("auth", Map.of("token", bob.token())));
        assertThat(onNode1.reply().path("engineId").asString()).startsWith("message-1.");
        assertThat(onNode2.reply().path("engineId").asString()).startsWith("message-2.");
        SocketClients.Client a = onNode1.client();
        SocketClients.Client b = onNode2.client();
        a.emitAck("join_room", map("roomId", roomId.toString()));
        b.emitAck("join_room", map("roomId", roomId.toString()));
        a.awaitEvent("user_joined", WAIT);

        JsonNode fromA = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "from node 1")).path("message");
        assertThat(b.awaitEvent("new_message", WAIT)).isEqualTo(fromA);
        JsonNode fromB = b.emitAck("send_message", map("roomId", roomId.toString(), "content", "from node 2")).path("message");
        assertThat(a.awaitEvent("new_message", m -> m.path("id").equals(fromB.path("id")), WAIT)).isEqualTo(fromB);
        assertThat(fromB.path("seq").asLong()).isEqualTo(fromA.path("seq").asLong() + 1);

        // Typing and read markers cross nodes too.
        b.emit("typing", map("roomId", roomId.toString()));
        a.awaitEvent("user_typing", WAIT);
    }

    @Test
    void aRemovalAndARevocationReachSocketsOnEitherNode() {
        String node2 = secondNodeUrl();
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        SocketClients.Client o = sockets.connectWithToken("o-" + UUID.randomUUID(), socketUrl(), owner.token());
        SocketClients.Client b = sockets.connectWithToken("b-" + UUID.randomUUID(), node2, bob.token());
        SocketClients.Client b1 = connect(bob);
        o.emitAck("join_room", map("roomId", roomId.toString()));
        b.emitAck("join_room", map("roomId", roomId.toString()));
        b1.emitAck("join_room", map("roomId", roomId.toString()));

        // Whichever node consumes the event, bob's sockets on both nodes leave the room.
        removeMember(roomId, bob);
        b.awaitEvent("room_left", e -> "removed".equals(e.path("reason").asString()), WAIT);
        b1.awaitEvent("room_left", e -> "removed".equals(e.path("reason").asString()), WAIT);
        o.emitAck("send_message", map("roomId", roomId.toString(), "content", "without bob"));
        o.awaitEvent("new_message", WAIT);
        SocketClients.sleep(300);
        assertThat(b.events("new_message")).isEmpty();
        assertThat(b1.events("new_message")).isEmpty();
        assertThat(b.emitAck("send_message", map("roomId", roomId.toString(), "content", "hi")).path("error").path("code").asString())
                .isEqualTo("room_not_found");

        // Revoked through node 1, ended on node 2 (which hears it on Redis itself) within a second (plus slack
        // for scheduling on a busy machine).
        long start = System.nanoTime();
        revokedSessions.revoke(bob.sessionId());
        b.awaitDisconnect(WAIT);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(Duration.ofSeconds(1).plus(SCHEDULING_SLACK).toMillis());
        b1.awaitDisconnect(WAIT);
    }

    @Test
    void bothNodesPurgeDeletedRoomsSideBySideAndDeleteEachRowOnce() {
        secondNodeUrl();
        TestUser owner = newUser();
        List<UUID> rooms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID roomId = room(owner);
            RoomRows.messages(jdbc, roomId, 1, 1000);
            RoomRows.readers(jdbc, roomId, 300);
            rooms.add(roomId);
        }
        // Each event goes to one node; both nodes' purgers find every record.
        for (UUID roomId : rooms) {
            ROOM_SERVICE.deleted(roomId);
            publish(EventTypes.ROOM_DELETED, new RoomDeleted(roomId, "private", owner.id(), List.of(owner.id())));
        }
        for (UUID roomId : rooms) {
            awaitTrue(() -> RoomRows.all(jdbc, roomId) == 0, "the purge of room " + roomId);
            // Counted by whichever node deleted them: a row deleted twice, or not at all, would show here.
            assertThat(RoomRows.purgedRows(jdbc, roomId)).isEqualTo(1000 + 300 + 1);
            RoomRows.settle(jdbc, roomId);
        }
        for (UUID roomId : rooms) {
            awaitTrue(() -> RoomRows.purgedRows(jdbc, roomId) == null, "the end of the purge of room " + roomId);
        }
    }
}
