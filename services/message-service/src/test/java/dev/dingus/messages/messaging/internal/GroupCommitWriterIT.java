package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.messaging.internal.GroupCommitWriter.Written;
import dev.dingus.messages.messaging.internal.MessageStore.NewRow;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.platform.web.errors.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The writer against the real database, below the rules that normally keep bad rows away from it. */
class GroupCommitWriterIT extends IntegrationTestBase {
    @Autowired GroupCommitWriter writer;

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
}
