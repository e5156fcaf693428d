package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomDeleted;
import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.RoomRows;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code room.deleted} ends all access to the room at once, while its rows go afterwards in the background purger's
 * batches (250 rows each in tests), resumed from {@code room_purges} after a crash (ADR 0013).
 */
class RoomPurgeIT extends IntegrationTestBase {
    private static final int MESSAGES = 3000;
    private static final int READERS = 600;

    @Autowired
    MeterRegistry meters;

    @Test
    void aDeletedRoomIsRefusedAtOnceWhileItsRowsAreStillThere() throws SQLException {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        SocketClients.Client o = pair.ownerSocket();
        SocketClients.Client b = pair.bobSocket();
        String word = "purgeword" + UUID.randomUUID().toString().substring(0, 8);
        String firstId = o.emitAck("send_message", map("roomId", roomId.toString(), "content", "first " + word))
                .path("message").path("id").asString();
        b.emitAck("mark_read", map("roomId", roomId.toString(), "seq", 1));
        RoomRows.messages(jdbc, roomId, 2, MESSAGES);
        assertThat(api().get("/api/v1/messages/search?q=" + word, pair.bob().token()).body().path("items")).hasSize(1);

        try (Connection holder = DriverManager.getConnection(slice().jdbcUrl(), TestInfrastructure.PG_USER,
                TestInfrastructure.PG_PASSWORD)) {
            holder.setAutoCommit(false);
            // Holding the room's first message makes the purger's first batch wait: nothing can be deleted meanwhile.
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM messages WHERE room_id = ? AND seq = 1 FOR UPDATE")) {
                lock.setObject(1, roomId);
                lock.executeQuery().close();
            }
            ROOM_SERVICE.deleted(roomId);
            publish(EventTypes.ROOM_DELETED, new RoomDeleted(roomId, "private", pair.owner().id(), List.of(pair.owner().id(), pair.bob().id())));
            b.awaitEvent("room_deleted", WAIT);
            o.awaitEvent("room_deleted", WAIT);

            assertThat(RoomRows.messageCount(jdbc, roomId)).isEqualTo(MESSAGES);
            Api.Response history = api().get("/api/v1/rooms/" + roomId + "/messages", pair.owner().token());
            assertThat(history.status()).isEqualTo(404);
            assertThat(history.code()).isEqualTo("room_not_found");
            assertThat(api().post("/api/v1/rooms/" + roomId + "/messages", pair.owner().token(), map("content", "still here?")).status())
                    .isEqualTo(404);
            assertThat(code(o.emitAck("join_room", map("roomId", roomId.toString())))).isEqualTo("room_not_found");
            assertThat(code(o.emitAck("send_message", map("roomId", roomId.toString(), "content", "hello?")))).isEqualTo("room_not_found");
            assertThat(code(o.emitAck("edit_message", map("messageId", firstId, "content", "x")))).isEqualTo("message_not_found");
            assertThat(code(o.emitAck("delete_message", map("messageId", firstId)))).isEqualTo("message_not_found");
            assertThat(code(b.emitAck("mark_read", map("roomId", roomId.toString(), "seq", 2)))).isEqualTo("room_not_found");
            assertThat(api().get("/api/v1/messages/search?q=" + word, pair.bob().token()).body().path("items")).isEmpty();
            assertThat(api().get("/api/v1/messages/unread", pair.bob().token()).body().path("rooms").findValuesAsString("roomId"))
                    .doesNotContain(roomId.toString());
            assertThat(RoomRows.messageCount(jdbc, roomId)).isEqualTo(MESSAGES);
            holder.rollback();
        }
        awaitTrue(() -> RoomRows.all(jdbc, roomId) == 0, "the purge of the deleted room");
    }

    @Test
    void aBigRoomIsPurgedInBatchesAndAnotherRoomIsUntouched() {
        TestUser owner = newUser();
        TestUser keeper = newUser();
        UUID doomed = room(owner);
        UUID kept = room(keeper);
        for (UUID roomId : List.of(doomed, kept)) {
            RoomRows.messages(jdbc, roomId, 1, MESSAGES);
            RoomRows.readers(jdbc, roomId, READERS);
        }
        double batchesBefore = meters.get("dingus.messages.purge.batches").counter().count();

        ROOM_SERVICE.deleted(doomed);
        publish(EventTypes.ROOM_DELETED, new RoomDeleted(doomed, "private", owner.id(), List.of(owner.id())));
        awaitTrue(() -> RoomRows.all(jdbc, doomed) == 0, "the purge of the deleted room");

        // 250 rows per transaction at most: 3,000 messages and 600 read positions took at least 12 + 3 of them,
        // and each row was deleted (and counted) once; the counter is the one row more.
        assertThat(meters.get("dingus.messages.purge.batches").counter().count() - batchesBefore).isGreaterThanOrEqualTo(15);
        assertThat(RoomRows.purgedRows(jdbc, doomed)).isEqualTo(MESSAGES + READERS + 1);

        assertThat(RoomRows.messageCount(jdbc, kept)).isEqualTo(MESSAGES);
        assertThat(RoomRows.readerCount(jdbc, kept)).isEqualTo(READERS);
        assertThat(RoomRows.lastSeq(jdbc, kept)).isEqualTo(MESSAGES);
        assertThat(RoomRows.purgedRows(jdbc, kept)).isNull();
        Api.Response page = api().get("/api/v1/rooms/" + kept + "/messages?limit=1", keeper.token());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("messages").path(0).path("seq").asLong()).as(page.toString()).isEqualTo(MESSAGES);
        Api.Response sent = api().post("/api/v1/rooms/" + kept + "/messages", keeper.token(), map("content", "still here"));
        assertThat(sent.body().path("seq").asLong()).as(sent.toString()).isEqualTo(MESSAGES + 1);
    }

    @Test
    void aPurgeLeftUnfinishedByACrashIsFinished() {
        UUID roomId = UUID.randomUUID();
        RoomRows.messages(jdbc, roomId, 1, 1000);
        RoomRows.readers(jdbc, roomId, 300);
        // As a crash leaves it: the room long gone from the membership tables, its rows and its purge record not.
        jdbc.sql("INSERT INTO room_purges (room_id, requested_at) VALUES (?, now() - interval '1 day')").param(roomId).update();

        awaitTrue(() -> RoomRows.purgedRows(jdbc, roomId) == null, "the left-over purge to finish");
        assertThat(RoomRows.all(jdbc, roomId)).isZero();
    }

    @Test
    void aMessageStoredAfterThePurgeIsDeletedBeforeThePurgeEnds() {
        TestUser owner = newUser();
        UUID roomId = room(owner);
        RoomRows.messages(jdbc, roomId, 1, 500);
        ROOM_SERVICE.deleted(roomId);
        publish(EventTypes.ROOM_DELETED, new RoomDeleted(roomId, "private", owner.id(), List.of(owner.id())));
        awaitTrue(() -> RoomRows.all(jdbc, roomId) == 0, "the purge of the deleted room");

        // A send let in just before the deletion (a membership answer still cached) and stored only now.
        RoomRows.send(jdbc, roomId, "late");
        awaitTrue(() -> RoomRows.all(jdbc, roomId) == 0, "the late message to be purged as well");
        assertThat(RoomRows.purgedRows(jdbc, roomId)).as("the purge goes on while it settles").isEqualTo(500 + 1 + 1 + 1);

        RoomRows.settle(jdbc, roomId);
        awaitTrue(() -> RoomRows.purgedRows(jdbc, roomId) == null, "the settled purge to end");
        assertThat(RoomRows.all(jdbc, roomId)).isZero();
    }

    private static String code(JsonNode ack) {
        return ack.path("error").path("code").asString();
    }
}
