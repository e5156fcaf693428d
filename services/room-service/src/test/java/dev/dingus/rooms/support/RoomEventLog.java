package dev.dingus.rooms.support;

import dev.dingus.testsupport.EventCapture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The room events a test's exchange carried, as {@code (type, data)} per room, in arrival (= publish) order. */
public final class RoomEventLog implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventCapture capture;

    private RoomEventLog(EventCapture capture) {
        this.capture = capture;
    }

    public static RoomEventLog start(ConnectionFactory connections, String exchange) {
        return new RoomEventLog(EventCapture.start(connections, exchange, "room.#"));
    }

    /** One captured event: its routing key, its envelope, and the envelope's {@code data}. */
    public record Event(String routingKey, JsonNode envelope) {
        public String type() {
            return envelope.get("type").asString();
        }

        public JsonNode data() {
            return envelope.get("data");
        }

        public String field(String name) {
            JsonNode node = data().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return type() + " " + data();
        }
    }

    public List<Event> all() {
        return capture.messages().stream().map(RoomEventLog::parse).toList();
    }

    public List<Event> forRoom(UUID roomId) {
        return all().stream().filter(e -> roomId.toString().equals(e.field("roomId"))).toList();
    }

    /** Waits until the room has at least {@code count} events and returns all of them. */
    public List<Event> awaitForRoom(UUID roomId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<Event> events = forRoom(roomId);
        while (events.size() < count && System.nanoTime() < deadline) {
            sleep();
            events = forRoom(roomId);
        }
        if (events.size() < count) {
            throw new AssertionError("Expected " + count + " events for room " + roomId + ", got " + events);
        }
        return events;
    }

    /** The types of a room's events once {@code count} arrived. */
    public List<String> typesForRoom(UUID roomId, int count) {
        return awaitForRoom(roomId, count).stream().map(Event::type).toList();
    }

    private static Event parse(Message message) {
        JsonNode envelope = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
        return new Event(Objects.requireNonNull(message.getMessageProperties().getReceivedRoutingKey()), envelope);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        capture.close();
    }
}
