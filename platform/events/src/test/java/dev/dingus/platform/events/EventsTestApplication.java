package dev.dingus.platform.events;

import dev.dingus.platform.events.outbox.Outbox;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service that saves notes and reports them as events, and consumes a test event type. */
@SpringBootApplication
public class EventsTestApplication {

    public record NoteSaved(UUID noteId, String text) {}

    @Service
    public static class Notes {
        private final JdbcClient jdbc;
        private final Outbox outbox;

        Notes(JdbcClient jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public UUID save(String text, boolean failAfterPublish) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO notes (id, text) VALUES (?, ?)").params(id, text).update();
            outbox.publish("note.saved", new NoteSaved(id, text));
            if (failAfterPublish) {
                throw new IllegalStateException("rolled back on purpose");
            }
            return id;
        }

        /** Saves several notes in one transaction and reports them with one outbox statement. */
        @Transactional
        public List<UUID> saveAll(List<String> texts) {
            List<NoteSaved> saved = new ArrayList<>();
            for (String text : texts) {
                UUID id = UUID.randomUUID();
                jdbc.sql("INSERT INTO notes (id, text) VALUES (?, ?)").params(id, text).update();
                saved.add(new NoteSaved(id, text));
            }
            outbox.publishAll("note.saved", saved);
            return saved.stream().map(NoteSaved::noteId).toList();
        }
    }

    /** Publishes {@code note.filtered} with a "note-tone" header: "loud" for texts in capitals, else "quiet". */
    @Bean
    EventHeaders noteTone() {
        return event -> "note.filtered".equals(event.type())
                ? java.util.Map.of("note-tone", event.data().get("text").asString().equals(
                        event.data().get("text").asString().toUpperCase()) ? "loud" : "quiet")
                : java.util.Map.of();
    }

    /** Takes only the loud {@code note.filtered} events, and records them. */
    @Bean
    EventHandler<NoteSaved> loudNotes(JdbcClient jdbc) {
        return new EventHandler<>() {
            @Override public String type() { return "note.filtered"; }
            @Override public Class<NoteSaved> payloadType() { return NoteSaved.class; }
            @Override public List<java.util.Map<String, String>> onlyWithHeaders() {
                return List.of(java.util.Map.of("note-tone", "loud"));
            }
            @Override public void handle(NoteSaved payload, EventEnvelope envelope) {
                jdbc.sql("INSERT INTO handled (event_id, text) VALUES (?, ?)").params(envelope.id(), payload.text()).update();
            }
        };
    }

    /**
     * Records each handled event; texts starting with "fail" always throw, to reach the dead-letter queue; texts
     * starting with "skip" do not concern it.
     */
    @Bean
    EventHandler<NoteSaved> noteEcho(JdbcClient jdbc) {
        return new EventHandler<>() {
            @Override public String type() { return "note.echo"; }
            @Override public Class<NoteSaved> payloadType() { return NoteSaved.class; }
            @Override public boolean concerns(NoteSaved payload) { return !payload.text().startsWith("skip"); }
            @Override public void handle(NoteSaved payload, EventEnvelope envelope) {
                jdbc.sql("INSERT INTO handled (event_id, text) VALUES (?, ?)").params(envelope.id(), payload.text()).update();
                if (payload.text().startsWith("fail")) {
                    throw new IllegalStateException("handler failure on purpose");
                }
            }
        };
    }
}
