package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.messaging.internal.GroupCommitWriter.Written;
import dev.dingus.messages.messaging.internal.MessageStore.NewRow;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.platform.web.errors.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The writer against the real database, below the rules that normally keep bad rows away from it. */
class GroupCommitWriterIT extends IntegrationTestBase {
    @Autowired GroupCommitWriter writer;
    @Autowired MessagesProperties props;

    @Test
    void aRowTheDatabaseRefusesFailsAloneNotTheSendsBatchedWithIt() {
        UUID roomId = UUID.randomUUID();
        List<CompletableFuture<Written>> sends = new ArrayList<>();
        // Queued back to back for one room, so the writer takes them as one batch; the fourth holds a NUL, which
        // PostgreSQL cannot store in text (ContentRules refuses it long before; this is the last line of defence).
        for (int i = 0; i < 8; i++) {
            String content = i == 3 ? "bad\u0000row" : "good " + i;
            sends.add(writer.submit(new NewRow(UUID.randomUUID(), roomId, UUID.randomUUID(), "writer-it", content,
                    "c-" + i), "public"));
        }
        for (int i = 0; i < sends.size(); i++) {
            CompletableFuture<Written> send = sends.get(i);
            if (i == 3) {
                assertThat(send).failsWithin(WAIT).withThrowableThat().havingRootCause()
                        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("service_unavailable"));
            } else {
                assertThat(send).succeedsWithin(WAIT).satisfies(w -> assertThat(w.duplicate()).isFalse());
            }
        }
        List<Long> seqs = jdbc.sql("SELECT seq FROM messages WHERE room_id = ? ORDER BY seq").param(roomId)
                .query(Long.class).list();
        assertThat(seqs).as("gap-free, the refused row took no seq").containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(jdbc.sql("SELECT content FROM messages WHERE room_id = ? ORDER BY seq").param(roomId)
                .query(String.class).list()).containsExactly("good 0", "good 1", "good 2", "good 4", "good 5", "good 6", "good 7");
    }

    @Test
    void aResendOfAStoredMessageInABatchGetsTheOriginalAndTheOthersAreStoredOnce() {
        UUID roomId = UUID.randomUUID();
        UUID alice = UUID.randomUUID();
        Written original = writer.submit(row(roomId, alice, "first", "resent-key"), "public").join();

        // The resend among seven new sends, queued back to back: the first attempt stores the batch without looking
        // resends up, the unique key refuses it, and the second attempt finds the original.
        List<CompletableFuture<Written>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sends.add(i == 4
                    ? writer.submit(row(roomId, alice, "first", "resent-key"), "public")
                    : writer.submit(row(roomId, UUID.randomUUID(), "new " + i, "k-" + i), "public"));
        }
        assertThat(sends.get(4)).succeedsWithin(WAIT).satisfies(w -> {
            assertThat(w.duplicate()).isTrue();
            assertThat(w.message()).isEqualTo(original.message());
        });
        for (int i = 0; i < 8; i++) {
            if (i != 4) {
                assertThat(sends.get(i)).succeedsWithin(WAIT).satisfies(w -> assertThat(w.duplicate()).isFalse());
            }
        }
        assertThat(jdbc.sql("SELECT content FROM messages WHERE room_id = ? ORDER BY seq").param(roomId)
                .query(String.class).list())
                .as("gap-free: the refused first attempt took no seq")
                .containsExactly("first", "new 0", "new 1", "new 2", "new 3", "new 5", "new 6", "new 7");
        assertThat(jdbc.sql("SELECT max(seq) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single())
                .isEqualTo(8L);
    }

    @Test
    void sendsToSeveralRoomsInOneBatchTakeEachRoomsNextSeqsInTheOrderTheyCame() {
        // Rooms of the same writer, so that their sends can share a batch.
        int writers = props.writer().threads();
        List<UUID> rooms = new ArrayList<>();
        while (rooms.size() < 3) {
            UUID room = UUID.randomUUID();
            if (Math.floorMod(room.hashCode(), writers) == 0) {
                rooms.add(room);
            }
        }
        writer.submit(row(rooms.get(1), UUID.randomUUID(), "earlier", null), "public").join();

        int[] order = {0, 1, 0, 2, 1, 0, 2, 0};
        Map<Integer, CompletableFuture<Written>> sends = new LinkedHashMap<>();
        for (int i = 0; i < order.length; i++) {
            sends.put(i, writer.submit(row(rooms.get(order[i]), UUID.randomUUID(), "m" + i, null), "public"));
        }
        Map<UUID, List<Long>> seqsByRoom = new LinkedHashMap<>();
        sends.forEach((i, send) -> seqsByRoom.computeIfAbsent(rooms.get(order[i]), r -> new ArrayList<>())
                .add(send.join().message().seq()));

        assertThat(seqsByRoom.get(rooms.get(0))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(seqsByRoom.get(rooms.get(1))).as("after the message stored before").containsExactly(2L, 3L);
        assertThat(seqsByRoom.get(rooms.get(2))).containsExactly(1L, 2L);
        for (UUID room : rooms) {
            assertThat(jdbc.sql("SELECT last_seq FROM room_sequences WHERE room_id = ?").param(room).query(Long.class)
                    .single()).isEqualTo(seqsByRoom.get(room).getLast());
        }
    }

    private static NewRow row(UUID roomId, UUID sender, String content, String clientMsgId) {
        return new NewRow(UUID.randomUUID(), roomId, sender, "writer-it", content, clientMsgId);
    }
}
