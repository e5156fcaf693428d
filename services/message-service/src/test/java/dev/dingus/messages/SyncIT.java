package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A client that was away asks with its last seq per room and gets exactly what it missed, in order, once. */
class SyncIT extends IntegrationTestBase {

    @Test
    void syncAfterADisconnectReturnsExactlyTheMissedMessages() {
        TestUser alice = newUser();
        TestUser bob = newUser();
        UUID roomId = room(alice, bob);
        UUID otherRoom = room(bob, alice);
        SocketClients.Client a = connect(alice);
        SocketClients.Client b = connect(bob);
        a.emitAck("join_room", map("roomId", roomId.toString()));
        b.emitAck("join_room", map("roomId", roomId.toString()));
        for (int i = 1; i <= 3; i++) {
            a.emitAck("send_message", map("roomId", roomId.toString(), "content", "before " + i));
        }
        long lastSeen = b.awaitEvents("new_message", 3, WAIT).getLast().path("seq").asLong();
        b.disconnect();

        for (int i = 1; i <= 5; i++) {
            a.emitAck("send_message", map("roomId", roomId.toString(), "content", "missed " + i));
        }
        a.emitAck("send_message", map("roomId", otherRoom.toString(), "content", "elsewhere"));

        SocketClients.Client back = connect(bob);
        JsonNode ack = back.emitAck("sync", map("rooms", map(roomId.toString(), lastSeen, otherRoom.toString(), 0)));
        assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
        JsonNode missed = ack.path("rooms").path(roomId.toString());
        assertThat(missed).extracting(m -> m.path("seq").asLong()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(missed).extracting(m -> m.path("content").asString())
                .containsExactly("missed 1", "missed 2", "missed 3", "missed 4", "missed 5");
        assertThat(ack.path("hasMore").path(roomId.toString()).asBoolean()).isFalse();
        assertThat(ack.path("rooms").path(otherRoom.toString())).hasSize(1);

        JsonNode upToDate = back.emitAck("sync", map("rooms", map(roomId.toString(), 8)));
        assertThat(upToDate.path("rooms").path(roomId.toString())).isEmpty();
    }

    @Test
    void syncIsBoundedPerRoomAndSaysWhenThereIsMore() {
        TestUser alice = newUser();
        UUID roomId = room(alice);
        // 520 stored messages (written directly: the per-user send rate would make this test slow).
        jdbc.sql("""
                INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, created_at)
                SELECT gen_random_uuid(), ?, s, ?, ?, 'bulk ' || s, now() FROM generate_series(1, 520) s""")
                .params(roomId, alice.id(), alice.username()).update();
        jdbc.sql("INSERT INTO room_sequences (room_id, last_seq) VALUES (?, 520)").param(roomId).update();

        SocketClients.Client a = connect(alice);
        JsonNode first = a.emitAck("sync", map("rooms", map(roomId.toString(), 0)));
        assertThat(first.path("rooms").path(roomId.toString())).extracting(m -> m.path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 500).boxed().toList());
        assertThat(first.path("hasMore").path(roomId.toString()).asBoolean()).isTrue();
        JsonNode rest = a.emitAck("sync", map("rooms", map(roomId.toString(), 500)));
        assertThat(rest.path("rooms").path(roomId.toString())).hasSize(20);
        assertThat(rest.path("hasMore").path(roomId.toString()).asBoolean()).isFalse();
    }

    @Test
    void oneAnswerIsBoundedInBytesAndTheRestComesOnTheNextCalls() {
        TestUser alice = newUser();
        // Three busy rooms of 400 messages of 4000 characters: 4.8 MB, far more than one answer may carry.
        int perRoom = 400;
        List<UUID> rooms = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            UUID roomId = room(alice);
            jdbc.sql("""
                    INSERT INTO messages (id, room_id, seq, sender_id, sender_username, content, created_at)
                    SELECT gen_random_uuid(), ?, s, ?, ?, repeat('x', 4000), now() FROM generate_series(1, ?) s""")
                    .params(roomId, alice.id(), alice.username(), perRoom).update();
            jdbc.sql("INSERT INTO room_sequences (room_id, last_seq) VALUES (?, ?)").params(roomId, perRoom).update();
            rooms.add(roomId);
        }
        Map<String, Object> lastSeqs = new LinkedHashMap<>();
        Map<String, List<Long>> received = new LinkedHashMap<>();
        rooms.forEach(r -> {
            lastSeqs.put(r.toString(), 0L);
            received.put(r.toString(), new ArrayList<>());
        });

        SocketClients.Client a = connect(alice);
        int calls = 0;
        boolean more = true;
        while (more) {
            assertThat(++calls).as("calls until everything came").isLessThanOrEqualTo(20);
            JsonNode ack = a.emitAck("sync", map("rooms", lastSeqs));
            assertThat(ack.path("success").asBoolean()).as(ack.path("error").toString()).isTrue();
            long contentBytes = 0;
            more = false;
            for (String room : received.keySet()) {
                JsonNode messages = ack.path("rooms").path(room);
                for (JsonNode m : messages) {
                    received.get(room).add(m.path("seq").asLong());
                    contentBytes += m.path("content").asString().length();
                }
                boolean roomHasMore = ack.path("hasMore").path(room).asBoolean();
                // Clients continue a room from the last seq they received: a room with more always gets some.
                assertThat(messages.isEmpty() && roomHasMore).as(room + " has more but got nothing").isFalse();
                if (!messages.isEmpty()) {
                    lastSeqs.put(room, messages.get(messages.size() - 1).path("seq").asLong());
                }
                more |= roomHasMore;
            }
            // dingus.messages.limits.sync-max-bytes: 1 MiB per answer, beyond which each further room gets one message.
            assertThat(contentBytes).isLessThanOrEqualTo(1024 * 1024 + (rooms.size() - 1) * 4000L);
        }
        assertThat(calls).isGreaterThan(1);
        List<Long> all = LongStream.rangeClosed(1, perRoom).boxed().toList();
        received.forEach((room, seqs) -> assertThat(seqs).as(room).containsExactlyElementsOf(all));
    }

    @Test
    void roomsTheUserMayNotReadGetAnErrorOfTheirOwn() {
        TestUser alice = newUser();
        TestUser stranger = newUser();
        UUID mine = room(alice);
        UUID theirs = room(stranger);
        SocketClients.Client a = connect(alice);
        JsonNode ack = a.emitAck("sync", map("rooms", map(mine.toString(), 0, theirs.toString(), 0)));
        assertThat(ack.path("success").asBoolean()).isTrue();
        assertThat(ack.path("rooms").has(mine.toString())).isTrue();
        assertThat(ack.path("rooms").has(theirs.toString())).isFalse();
        assertThat(ack.path("errors").path(theirs.toString()).path("code").asString()).isEqualTo("room_not_found");
    }
}
