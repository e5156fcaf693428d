package dev.dingus.messages.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Official {@code socket.io-client} sockets in one Node process ({@code src/test/node/driver.mjs}), driven from
 * Java: connect, emit with or without ack, and every event each socket received. Installs the locked npm
 * dependencies first when {@code node_modules} is missing (fresh clone).
 */
public final class SocketClients implements AutoCloseable {
    static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long the driver waits for an ack before it reports a timeout. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(15);
    private static boolean installed;

    private final Process process;
    private final OutputStream stdin;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final StringBuffer stderr = new StringBuffer();

    private SocketClients(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        // Platform threads: a blocking pipe read would pin a virtual thread's carrier and starve the server.
        Thread.ofPlatform().daemon().name("node-driver-out").start(this::readOutput);
        Thread.ofPlatform().daemon().name("node-driver-err").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                }
            } catch (IOException e) {
                // process ended
            }
        });
    }

    public static SocketClients start() {
        try {
            ensureInstalled();
            return new SocketClients(new ProcessBuilder("node", "driver.mjs").directory(DIR.toFile()).start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start node (Node.js 20+ must be installed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (installed || Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
            installed = true;
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).start();
        String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + out);
        }
        installed = true;
    }

    /** Connects a new socket named {@code name}; the answer says whether it got in (or its connect_error). */
    public Connection connect(String name, String url, Map<String, Object> options) {
        Client client = new Client(name);
        clients.put(name, client);
        ObjectNode cmd = command("connect", name);
        cmd.put("url", url);
        cmd.set("options", JSON.valueToTree(options));
        JsonNode reply = send(cmd, Duration.ofSeconds(20));
        return new Connection(client, reply);
    }

    /** Connects with {@code auth: {token}} and fails the test if it is refused. */
    public Client connectWithToken(String name, String url, String token) {
        Connection c = connect(name, url, Map.of("auth", Map.of("token", token)));
        if (!c.ok()) {
            throw new AssertionError("connect of " + name + " refused: " + c.reply());
        }
        return c.client();
    }

    private ObjectNode command(String op, String client) {
        ObjectNode cmd = JSON.createObjectNode();
        cmd.put("id", ids.incrementAndGet());
        cmd.put("op", op);
        cmd.put("client", client);
        return cmd;
    }

    private CompletableFuture<JsonNode> sendAsync(ObjectNode cmd) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(cmd.get("id").asLong(), reply);
        synchronized (stdin) {
            try {
                stdin.write((JSON.writeValueAsString(cmd) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            } catch (IOException e) {
                reply.completeExceptionally(new IllegalStateException("node driver is gone; stderr: " + stderr, e));
            }
        }
        return reply;
    }

    private JsonNode send(ObjectNode cmd, Duration timeout) {
        try {
            return sendAsync(cmd).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("no reply from node for " + cmd + "; stderr: " + stderr, e);
        }
    }

    private void readOutput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode msg = JSON.readTree(line);
                String type = msg.path("type").asString();
                switch (type) {
                    case "reply" -> {
                        CompletableFuture<JsonNode> f = replies.remove(msg.get("id").asLong());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                    case "event", "disconnect" -> {
                        Client c = clients.get(msg.get("client").asString());
                        if (c != null) {
                            c.received.add(msg);
                        }
                    }
                    default -> stderr.append("driver: ").append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The outcome of a connect: {@code ok}, or the {@code error {message, data}} of the connect_error. */
    public record Connection(Client client, JsonNode reply) {
        public boolean ok() {
            return reply.path("ok").asBoolean();
        }

        public JsonNode error() {
            return reply.path("error");
        }
    }

    /** One socket of the driver. */
    public final class Client {
        private final String name;
        private final List<JsonNode> received = new CopyOnWriteArrayList<>();

        Client(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Emits with an ack callback and returns the ack's first argument (fails on timeout). */
        public JsonNode emitAck(String event, Object payload) {
            JsonNode reply = send(emitCommand(event, payload, true), Duration.ofSeconds(20));
            if (!reply.path("ok").asBoolean()) {
                throw new AssertionError("no ack for " + event + ": " + reply);
            }
            return reply.path("ack").path(0);
        }

        /** Emits with an ack callback without waiting; the future yields the ack's first argument. */
        public CompletableFuture<JsonNode> emitAckAsync(String event, Object payload) {
            return emitAckAsync(event, payload, ACK_TIMEOUT);
        }

        /** As {@link #emitAckAsync(String, Object)}, failing once no ack came within {@code timeout}. */
        public CompletableFuture<JsonNode> emitAckAsync(String event, Object payload, Duration timeout) {
            ObjectNode cmd = emitCommand(event, payload, true);
            cmd.put("timeoutMs", timeout.toMillis());
            return sendAsync(cmd).thenApply(reply -> {
                if (!reply.path("ok").asBoolean()) {
                    throw new AssertionError("no ack for " + event + ": " + reply);
                }
                return reply.path("ack").path(0);
            });
        }

        /** Emits without an ack callback (errors then come back as an {@code error} event). */
        public void emit(String event, Object payload) {
            send(emitCommand(event, payload, false), Duration.ofSeconds(20));
        }

        /** Emits raw arguments (any JSON values, even none), with an ack callback. */
        public JsonNode emitRawAck(String event, List<Object> args) {
            ObjectNode cmd = command("emit", name);
            cmd.put("event", event);
            cmd.set("args", JSON.valueToTree(args));
            cmd.put("ack", true);
            JsonNode reply = send(cmd, Duration.ofSeconds(20));
            if (!reply.path("ok").asBoolean()) {
                throw new AssertionError("no ack for " + event + ": " + reply);
            }
            return reply.path("ack").path(0);
        }

        private ObjectNode emitCommand(String event, Object payload, boolean ack) {
            ObjectNode cmd = command("emit", name);
            cmd.put("event", event);
            cmd.set("args", JSON.valueToTree(List.of(payload)));
            cmd.put("ack", ack);
            cmd.put("timeoutMs", ACK_TIMEOUT.toMillis());
            return cmd;
        }

        public void disconnect() {
            send(command("disconnect", name), Duration.ofSeconds(10));
        }

        /** First arguments of every {@code event} received so far, in order. */
        public List<JsonNode> events(String event) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode m : received) {
                if ("event".equals(m.path("type").asString()) && event.equals(m.path("event").asString())) {
                    found.add(m.path("args").path(0));
                }
            }
            return found;
        }

        /** Waits for an {@code event} whose first argument matches. */
        public JsonNode awaitEvent(String event, Predicate<JsonNode> matching, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode e : events(event)) {
                    if (matching.test(e)) {
                        return e;
                    }
                }
                sleep(10);
            }
            throw new AssertionError(name + " got no matching '" + event + "' within " + timeout + "; got " + events(event));
        }

        public JsonNode awaitEvent(String event, Duration timeout) {
            return awaitEvent(event, e -> true, timeout);
        }

        /** Waits until {@code count} events of a kind arrived; returns them. */
        public List<JsonNode> awaitEvents(String event, int count, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                List<JsonNode> got = events(event);
                if (got.size() >= count) {
                    return got;
                }
                sleep(10);
            }
            throw new AssertionError(name + " got " + events(event).size() + " '" + event + "', expected " + count);
        }

        /** The reason of the disconnect, once it happened. */
        public String awaitDisconnect(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (JsonNode m : received) {
                    if ("disconnect".equals(m.path("type").asString())) {
                        return m.path("reason").asString();
                    }
                }
                sleep(10);
            }
            throw new AssertionError(name + " was not disconnected within " + timeout);
        }

        public boolean disconnected() {
            return received.stream().anyMatch(m -> "disconnect".equals(m.path("type").asString()));
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
