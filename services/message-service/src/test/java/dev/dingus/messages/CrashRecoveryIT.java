package dev.dingus.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.Api;
import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.messages.support.SocketClients;
import dev.dingus.messages.support.TestUser;
import dev.dingus.platform.events.outbox.OutboxRelay;
import dev.dingus.testsupport.EventCapture;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of a message-service node while its clients send as fast as they are answered. The node runs in
 * a process of its own (same classes, same slice as the node of this test class, as in cluster mode), so that
 * nothing of it runs after the kill: no shutdown hook, no flush, no after-commit work. Afterwards, with only the
 * surviving node: every acknowledged message is stored as acknowledged, seqs stay gap-free, resending each
 * unanswered send with its {@code clientMsgId} stores it exactly once, every stored message's event is published,
 * and the latest page (served from Redis) shows everything that was committed. Where in its work the kill finds the
 * node differs from run to run (a send queued, a batch being committed, committed and not yet answered or cached);
 * what is checked holds in each case. {@code CacheBackstopIT} stops a node at the one point that needs a repair.
 */
class CrashRecoveryIT extends IntegrationTestBase {
    private static final int SENDERS = 4;
    /** Enough to have sends in flight at any moment; the kill comes after this many acks. */
    private static final int ACKS_BEFORE_KILL = 300;
    private static final int IN_FLIGHT_PER_SENDER = 10;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    /** A dead node's relay may have held rows locked; the survivor's relay takes them at its next full rescan. */
    private static final Duration RELAY_TAKEOVER = Duration.ofSeconds(60);

    @Autowired
    private OutboxRelay relay;

    private Process node;
    private Path nodeLog;

    @AfterEach
    void killTheNodeIfStillRunning() {
        if (node != null && node.isAlive()) {
            node.destroyForcibly();
        }
    }

    @Test
    void aNodeKilledInTheMiddleOfSendsLosesNoAcknowledgedMessageAndResendsStoreTheRestExactlyOnce() throws Exception {
        TestUser owner = newUser();
        List<TestUser> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(newUser());
        }
        UUID roomId = room(owner, senders.toArray(TestUser[]::new));
        String nodeUrl = startNode();

        Map<String, JsonNode> acked = new ConcurrentHashMap<>();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        List<String> errorCodes = new CopyOnWriteArrayList<>();
        AtomicInteger ackCount = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enoughAcks = new CountDownLatch(1);
        List<Thread> loops = new ArrayList<>();
        List<CompletableFuture<?>> sends = new CopyOnWriteArrayList<>();
        try (EventCapture events = EventCapture.start(rabbit.getConnectionFactory(), slice().exchange(), "message.created")) {
            for (TestUser sender : senders) {
                SocketClients.Client socket = sockets.connectWithToken(sender.username() + "-crash", nodeUrl, sender.token());
                socket.emitAck("join_room", map("roomId", roomId.toString()));
                // Several sends in flight per socket, so that the kill finds batches at every stage: queued, being
                // committed, committed and not yet answered.
                Semaphore window = new Semaphore(IN_FLIGHT_PER_SENDER);
                loops.add(Thread.ofPlatform().start(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        window.acquireUninterruptibly();
                        if (killed.get()) {
                            break;
                        }
                        String clientMsgId = sender.username() + "-" + n;
                        String content = "from " + sender.username() + " #" + n;
                        sends.add(socket.emitAckAsync("send_message",
                                map("roomId", roomId.toString(), "content", content, "clientMsgId", clientMsgId), ACK_TIMEOUT)
                                .whenComplete((ack, noAnswer) -> {
                                    if (noAnswer != null || ack.has("error")) {
                                        unanswered.put(clientMsgId, content);
                                        if (ack != null) {
                                            errorCodes.add(ack.path("error").path("code").asString());
                                        }
                                    } else {
                                        acked.put(clientMsgId, ack.path("message"));
                                        if (ackCount.incrementAndGet() == ACKS_BEFORE_KILL) {
                                            enoughAcks.countDown();
                                        }
                                    }
                                    window.release();
                                }));
                    }
                }));
            }
            assertThat(enoughAcks.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("acks from the node; its log: " + logTail()).isTrue();
            node.destroyForcibly(); // SIGKILL
            killed.set(true);
            assertThat(node.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            for (Thread loop : loops) {
                loop.join(WAIT);
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(ACK_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            assertThat(errorCodes).as("error acks while the node was alive").allMatch("service_unavailable"::equals);
            assertThat(unanswered).as("sends in flight at the kill").isNotEmpty();

            // 1. Every acknowledged message is stored exactly as its ack said, and seqs have no gap.
            Map<String, JsonNode> stored = storedByClientMsgId(roomId);
            for (Map.Entry<String, JsonNode> ack : acked.entrySet()) {
                JsonNode row = stored.get(ack.getKey());
                assertThat(row).as("acknowledged " + ack.getKey()).isNotNull();
                assertThat(row.path("id").asString()).isEqualTo(ack.getValue().path("id").asString());
                assertThat(row.path("seq").asLong()).isEqualTo(ack.getValue().path("seq").asLong());
                assertThat(row.path("content").asString()).isEqualTo(ack.getValue().path("content").asString());
            }
            assertGapFree(roomId);

            // 2. Every stored message's event leaves the outbox, relayed by the surviving node.
            long deadline = System.nanoTime() + RELAY_TAKEOVER.toNanos();
            while (relay.pending() > 0 && System.nanoTime() < deadline) {
                SocketClients.sleep(100);
            }
            assertThat(relay.pending()).as("events left in the outbox").isZero();
            Set<String> storedIds = new HashSet<>();
            stored.values().forEach(row -> storedIds.add(row.path("id").asString()));
            events.await("message.created", bodies -> publishedIds(bodies).containsAll(storedIds), WAIT);

            // 3. The latest page, from Redis, shows everything committed (the dead node may have committed a batch
            //    and died before writing it to the cache).
            awaitTrue(() -> latestPageIds(owner, roomId).equals(lastIds(roomId, 50)), "the latest page to match the database");

            // 4. Each unanswered send, resent to the surviving node with its clientMsgId, is stored exactly once.
            Map<UUID, SocketClients.Client> survivorSockets = new LinkedHashMap<>();
            for (TestUser sender : senders) {
                SocketClients.Client socket = connect(sender);
                socket.emitAck("join_room", map("roomId", roomId.toString()));
                survivorSockets.put(sender.id(), socket);
            }
            for (Map.Entry<String, String> send : unanswered.entrySet()) {
                TestUser sender = senders.stream().filter(u -> send.getKey().startsWith(u.username() + "-")).findFirst().orElseThrow();
                JsonNode ack = survivorSockets.get(sender.id()).emitAck("send_message",
                        map("roomId", roomId.toString(), "content", send.getValue(), "clientMsgId", send.getKey()));
                assertThat(ack.has("error")).as("resend of " + send.getKey() + ": " + ack).isFalse();
                JsonNode before = stored.get(send.getKey());
                if (before != null) {
                    assertThat(ack.path("duplicate").asBoolean()).as("committed before the kill, unanswered").isTrue();
                    assertThat(ack.path("message").path("id").asString()).isEqualTo(before.path("id").asString());
                }
            }
            Map<String, JsonNode> afterResends = storedByClientMsgId(roomId);
            assertThat(afterResends.keySet()).containsExactlyInAnyOrderElementsOf(union(acked.keySet(), unanswered.keySet()));
            assertThat(countMessages(roomId)).isEqualTo(afterResends.size());
            assertGapFree(roomId);
            awaitTrue(() -> latestPageIds(owner, roomId).equals(lastIds(roomId, 50)), "the latest page after the resends");
        }
    }

    /** Starts the node in a process of its own and waits until it is ready; returns its Socket.IO URL. */
    private String startNode() throws IOException {
        int httpPort = freePort();
        int socketPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                // Quick to start, small: the point is the kill, not the speed.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Dspring.devtools.restart.enabled=false",
                "-cp", System.getProperty("java.class.path"),
                MessageServiceApplication.class.getName()));
        command.addAll(anotherNodeArguments("message-crash", httpPort, socketPort));
        // Its clients send as fast as they are answered: no rate limit in the way.
        command.addAll(List.of(
                "--dingus.messages.limits.send-rate-per-second=100000",
                "--dingus.messages.limits.send-burst=100000",
                "--dingus.messages.socket.inbound-events-per-second=100000",
                "--dingus.messages.socket.inbound-event-burst=100000"));
        nodeLog = Files.createTempFile(Path.of("target"), "crash-node-", ".log");
        node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeLog.toFile()).start();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!isReady(ready)) {
            assertThat(node.isAlive()).as("the node ended; its log: " + logTail()).isTrue();
            assertThat(System.nanoTime()).as("the node to be ready; its log: " + logTail()).isLessThan(deadline);
            SocketClients.sleep(250);
        }
        return "http://127.0.0.1:" + socketPort;
    }

    private static boolean isReady(URI uri) {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(nodeLog);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    private Map<String, JsonNode> storedByClientMsgId(UUID roomId) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT id, seq, content, client_msg_id FROM messages WHERE room_id = ? ORDER BY seq").param(roomId)
                .query((rs, n) -> rows.put(rs.getString("client_msg_id"), json.valueToTree(Map.of(
                        "id", rs.getString("id"), "seq", rs.getLong("seq"), "content", rs.getString("content")))))
                .list();
        return rows;
    }

    private long countMessages(UUID roomId) {
        return jdbc.sql("SELECT count(*) FROM messages WHERE room_id = ?").param(roomId).query(Long.class).single();
    }

    private void assertGapFree(UUID roomId) {
        List<Long> seqs = jdbc.sql("SELECT seq FROM messages WHERE room_id = ? ORDER BY seq").param(roomId).query(Long.class).list();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("seq at position " + i).isEqualTo(i + 1L);
        }
    }

    private List<String> lastIds(UUID roomId, int count) {
        List<String> ids = new ArrayList<>(jdbc.sql("SELECT id FROM messages WHERE room_id = ? ORDER BY seq DESC LIMIT ?")
                .params(roomId, count).query(String.class).list());
        java.util.Collections.reverse(ids);
        return ids;
    }

    private List<String> latestPageIds(TestUser user, UUID roomId) {
        Api.Response page = api().get("/api/v1/rooms/" + roomId + "/messages?limit=50", user.token());
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().path("messages").forEach(m -> ids.add(m.path("id").asString()));
        return ids;
    }

    private Set<String> publishedIds(List<String> bodies) {
        Set<String> ids = new HashSet<>();
        for (String body : bodies) {
            ids.add(json.readTree(body).path("data").path("messageId").asString());
        }
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
