package dev.dingus.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays room-service's internal membership endpoint ({@code GET /internal/rooms/{roomId}/members/{userId}},
 * guarded by the service token) over real HTTP, for the fallback used before an event has arrived.
 */
public final class RoomServiceStandIn implements AutoCloseable {
    public static final String SERVICE_TOKEN = "dev-service-token-change-me";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Room(String kind, String postPolicy, Map<UUID, String> roles) {}

    private final HttpServer server;
    private final Map<UUID, Room> rooms = new ConcurrentHashMap<>();
    /** Questions per room: events of other tests' rooms may be asking at the same time. */
    private final Map<UUID, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Runnable> whileAnswering = new ConcurrentHashMap<>();

    private RoomServiceStandIn(HttpServer server) {
        this.server = server;
    }

    public static RoomServiceStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            RoomServiceStandIn standIn = new RoomServiceStandIn(server);
            server.createContext("/internal/rooms/", standIn::handle);
            // A thread per request: a request may wait on work that asks again (whileAnswering).
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** room-service knows this room and member (whether or not the events told message-service yet). */
    public void knows(UUID roomId, String kind, String postPolicy, UUID userId, String role) {
        rooms.compute(roomId, (id, r) -> {
            Room room = r == null ? new Room(kind, postPolicy, new ConcurrentHashMap<>())
                    : new Room(kind, postPolicy, r.roles());
            room.roles().put(userId, role);
            return room;
        });
    }

    /** The member left or was removed. */
    public void forgets(UUID roomId, UUID userId) {
        Room room = rooms.get(roomId);
        if (room != null) {
            room.roles().remove(userId);
        }
    }

    public void deleted(UUID roomId) {
        rooms.remove(roomId);
    }

    /**
     * Runs {@code action} once, the next time room-service is asked about this member: after the answer was read and
     * before it is sent, as if the change had happened while the answer was on its way.
     */
    public void whileAnswering(UUID roomId, UUID userId, Runnable action) {
        whileAnswering.put(roomId + "/" + userId, action);
    }

    /** How many membership questions named this room so far. */
    public int calls(UUID roomId) {
        AtomicInteger n = calls.get(roomId);
        return n == null ? 0 : n.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!SERVICE_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Dingus-Service-Token"))) {
            respond(exchange, 401, Map.of("code", "unauthorized"));
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().split("/");
        // /internal/rooms/{roomId}/members/{userId}
        if (parts.length != 6 || !"members".equals(parts[4])) {
            respond(exchange, 404, Map.of("code", "not_found"));
            return;
        }
        calls.computeIfAbsent(UUID.fromString(parts[3]), r -> new AtomicInteger()).incrementAndGet();
        Room room = rooms.get(UUID.fromString(parts[3]));
        if (room == null) {
            respond(exchange, 404, Map.of("code", "room_not_found"));
            return;
        }
        String role = room.roles().get(UUID.fromString(parts[5]));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("member", role != null);
        body.put("role", role);
        body.put("kind", room.kind());
        body.put("postPolicy", room.postPolicy());
        Runnable meanwhile = whileAnswering.remove(parts[3] + "/" + parts[5]);
        if (meanwhile != null) {
            meanwhile.run();
        }
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        JsonReply.send(exchange, status, JSON.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
