package dev.dingus.auth.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.AbstractAuthIT;
import dev.dingus.auth.Http;
import dev.dingus.testsupport.EventCapture;
import dev.dingus.testsupport.LocalServices;
import dev.dingus.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** user.registered leaves through the outbox: exactly once, also when RabbitMQ is down at the time. */
class UserEventsIT extends AbstractAuthIT {

    @Autowired
    ConnectionFactory rabbit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void userRegisteredReachesAQueueExactlyOnce() throws InterruptedException {
        try (EventCapture events = EventCapture.start(rabbit, slice.exchange(), "user.registered")) {
            Map<String, Object> user = newUser("Once");
            UUID id = userId(register(http(), user));

            List<String> mine = events.await("user.registered", bodies -> count(bodies, id) == 1, Duration.ofSeconds(20));
            JsonNode event = Http.JSON.readTree(mine.stream().filter(b -> b.contains(id.toString())).findFirst().orElseThrow());
            assertThat(event.get("type").asString()).isEqualTo("user.registered");
            assertThat(event.get("producer").asString()).isEqualTo("auth-service");
            assertThat(UUID.fromString(event.get("id").asString())).isNotNull();
            assertThat(event.get("occurredAt").asString()).endsWith("Z");
            assertThat(event.get("data").get("userId").asString()).isEqualTo(id.toString());
            assertThat(event.get("data").get("username").asString()).isEqualTo(user.get("username"));
            assertThat(event.get("data").get("displayName").asString()).isEqualTo("Once");
            assertThat(event.get("data").has("email")).as("no email on the bus").isFalse();

            // Several relay rounds later there is still exactly one.
            Thread.sleep(1500);
            assertThat(count(events.bodiesOf("user.registered"), id)).isEqualTo(1);
        }
    }

    @Test
    void aRegistrationDuringARabbitMqOutageIsAnnouncedOnceItIsBack() throws InterruptedException {
        // A durable queue of our own: it (and its binding) outlive the broker stop, unlike an exclusive capture queue.
        RabbitAdmin admin = new RabbitAdmin(rabbit);
        admin.declareExchange(new TopicExchange(slice.exchange(), true, true));
        Queue queue = new Queue("test." + TestInfrastructure.uniqueId() + ".outage", true, false, false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(slice.exchange())).with("user.registered"));
        UUID id;
        try {
            try {
                LocalServices.stopRabbitApp();
                assertThat(LocalServices.portOpen(5672)).as("RabbitMQ is really down").isFalse();

                Http.Response response = http().post("/api/v1/auth/register", newUser("During outage"), null);
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                id = userId(response.json());
                assertThat(jdbc.sql("SELECT count(*) FROM dingus_outbox WHERE type = 'user.registered' AND payload->>'userId' = ?")
                        .param(id.toString()).query(Long.class).single()).as("the event waits in the outbox").isEqualTo(1);
            } finally {
                LocalServices.startRabbitApp();
            }

            RabbitTemplate template = new RabbitTemplate(rabbit);
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (count(received, id) == 0 && System.nanoTime() < deadline) {
                receiveInto(template, queue.getName(), received);
            }
            assertThat(count(received, id)).as("the event arrives after the outage").isEqualTo(1);
            // Keep listening a little: a second copy would show up now.
            long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < settle) {
                receiveInto(template, queue.getName(), received);
            }
            assertThat(count(received, id)).as("exactly once").isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM dingus_outbox WHERE payload->>'userId' = ?").param(id.toString())
                    .query(Long.class).single()).as("the outbox is drained").isZero();
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    private static void receiveInto(RabbitTemplate template, String queue, List<String> into) {
        try {
            Message message = template.receive(queue, 500);
            if (message != null) {
                into.add(new String(message.getBody(), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            // The broker is still coming back: try again.
            sleep(200);
        }
    }

    private static long count(List<String> bodies, UUID userId) {
        return bodies.stream().filter(b -> b.contains("\"userId\":\"" + userId + "\"")).count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
