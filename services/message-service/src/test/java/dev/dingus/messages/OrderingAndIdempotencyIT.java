package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** seq counts up by one per room under concurrency; a resend with the same clientMsgId creates nothing. */
class OrderingAndIdempotencyIT extends IntegrationTestBase {
    private static final int SENDERS = 20;
    private static final int PER_SENDER = 25;

    @Test
    void twentyConcurrentSendersGetGapFreeSeqsAndEveryoneSeesTheSameOrder() {
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            users.add(newUser());
        }
        UUID roomId = room(users.getFirst(), users.subList(1, SENDERS).toArray(TestUser[]::new));
        List<SocketClients.Client> clients = new ArrayList<>();
        for (TestUser u : users) {
            SocketClients.Client c = connect(u);
            assertThat(c.emitAck("join_room", map("roomId", roomId.toString())).path("success").asBoolean()).isTrue();
            clients.add(c);
        }

        // Every sender fires all its messages without waiting for acks; all senders at once.
        List<CompletableFuture<JsonNode>> acks = new ArrayList<>();
        for (int n = 0; n < PER_SENDER; n++) {
            for (int s = 0; s < SENDERS; s++) {
                acks.add(clients.get(s).emitAckAsync("send_message",
                        map("roomId", roomId.toString(), "content", "s" + s + " n" + n, "clientMsgId", "s" + s + "-" + n)));
            }
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();

        int total = SENDERS * PER_SENDER;
        Set<Long> seqs = new HashSet<>();
        Map<String, List<Long>> seqsBySender = new HashMap<>();
        for (CompletableFuture<JsonNode> f : acks) {
            JsonNode ack = f.join();
            assertThat(ack.path("success").asBoolean()).as(ack.toString()).isTrue();
            JsonNode m = ack.path("message");
            seqs.add(m.path("seq").asLong());
            seqsBySender.computeIfAbsent(m.path("sender_id").asString(), k -> new ArrayList<>()).add(m.path("seq").asLong());
        }
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        // Each sender's messages keep the order in which it sent them.
        seqsBySender.values().forEach(list -> assertThat(list).isSorted());

        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single())
                .isEqualTo(total);
        assertThat(jdbc.sql("SELECT last_seq FROM room_sequences WHERE room_id = ?").param(roomId).query(Long.class).single())
                .isEqualTo(total);

        // Every receiver got every message once, in seq order.
        for (SocketClients.Client c : clients) {
            List<JsonNode> received = c.awaitEvents("new_message", total, Duration.ofSeconds(30));
            assertThat(received).hasSize(total);
            assertThat(received).extracting(m -> m.path("seq").asLong())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        }
    }

    @Test
    void aResendWithTheSameClientMsgIdReturnsTheOriginalAndCreatesNothing() {
        JoinedPair pair = ownerAndBobJoined();
        UUID roomId = pair.roomId();
        TestUser alice = pair.owner();
        SocketClients.Client a = pair.ownerSocket();
        SocketClients.Client b = pair.bobSocket();

        JsonNode first = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "once", "clientMsgId", "dup-1"));
        JsonNode again = a.emitAck("send_message", map("roomId", roomId.toString(), "content", "once", "clientMsgId", "dup-1"));
        assertThat(first.path("duplicate").asBoolean()).isFalse();
        assertThat(again.path("success").asBoolean()).isTrue();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("message")).isEqualTo(first.path("message"));

        // Both in flight at once (one batch or two): still one message.
        CompletableFuture<JsonNode> x = a.emitAckAsync("send_message", map("roomId", roomId.toString(), "content", "twice", "clientMsgId", "dup-2"));
        CompletableFuture<JsonNode> y = a.emitAckAsync("send_message", map("roomId", roomId.toString(), "content", "twice", "clientMsgId", "dup-2"));
        assertThat(x.join().path("message").path("id")).isEqualTo(y.join().path("message").path("id"));

        // Over HTTP, the same key: 200 with the original.
        Api.Response http = api().post("/api/v1/rooms/" + roomId + "/messages", alice.token(), map("content", "once", "clientMsgId", "dup-1"));
        assertThat(http.status()).isEqualTo(200);
        assertThat(http.body().path("id")).isEqualTo(first.path("message").path("id"));

        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single()).isEqualTo(2);
        SocketClients.sleep(300);
        assertThat(b.events("new_message")).hasSize(2);
    }
}
