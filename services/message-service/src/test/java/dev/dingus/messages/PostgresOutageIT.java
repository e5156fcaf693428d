package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.testsupport.LocalServices;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL stopped (a fast shutdown, as for a restart or a failover) and started again: sends in between are
 * answered {@code service_unavailable} and store nothing, a room event consumed in between waits for the database
 * instead of going to the dead-letter queue, and everything works again once it is back.
 */
class PostgresOutageIT extends IntegrationTestBase {
    /**
     * Longer than an event's own failure gets before it is dead-lettered: three attempts, each waiting up to the
     * pool's five seconds for a connection.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(25);

    @Test
    void sendsAreRefusedClearlyAndARemovalConsumedMeanwhileIsAppliedOnceTheDatabaseIsBack() {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        SocketClients.Client owner = pair.ownerSocket();
        SocketClients.Client bob = pair.bobSocket();
        JsonNode before = owner.emitAck("send_message", map("roomId", roomId.toString(), "content", "before")).path("message");
        bob.awaitEvent("new_message", WAIT);

        long stoppedAt = System.nanoTime();
        try {
            LocalServices.stopPostgres();
            ROOM_SERVICE.forgets(roomId, pair.bob().id());
            publish(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "private", pair.bob().id(), "remove", null));

            JsonNode during = owner.emitAck("send_message", map("roomId", roomId.toString(), "content", "during", "clientMsgId", "d-1"));
            assertThat(during.path("error").path("code").asString()).as(during.toString()).isEqualTo("service_unavailable");

            long left = OUTAGE.toMillis() - (System.nanoTime() - stoppedAt) / 1_000_000;
            SocketClients.sleep(Math.max(0, left));
        } finally {
            LocalServices.startPostgres();
        }

        // The removal waited for the database and was applied, not dead-lettered.
        bob.awaitEvent("room_left", e -> "removed".equals(e.path("reason").asString()), WAIT);
        awaitTrue(() -> roleOf(roomId, pair.bob()) == null, "the removal stored");
        assertThat(rabbit.receive(slice().queue("message-service") + ".dlq")).as("dead-lettered").isNull();

        // Sending works again; the refused send took no seq and its resend is a new message.
        JsonNode resent = owner.emitAck("send_message", map("roomId", roomId.toString(), "content", "during", "clientMsgId", "d-1"));
        assertThat(resent.path("duplicate").asBoolean()).isFalse();
        assertThat(resent.path("message").path("seq").asLong()).isEqualTo(before.path("seq").asLong() + 1);
        SocketClients.sleep(300);
        assertThat(bob.events("new_message")).as("bob, removed, hears nothing more").hasSize(1);
    }
}
