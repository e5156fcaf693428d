package dev.dingus.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.TestUser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Invitees and DM partners must exist: room-service learns users from {@code user.registered} events and
 * asks auth-service only about users it has not heard of.
 */
class KnownUsersIT extends IntegrationTestBase {

    @Test
    void aUserRegisteredEventMakesTheUserKnownWithoutAskingAuthService() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        UUID newcomer = UUID.randomUUID(); // not known to the auth-service stand-in
        publishUserRegistered(newcomer, "newcomer");
        publishUserRegistered(newcomer, "newcomer"); // same user twice: still one row

        awaitKnown(newcomer);
        int lookupsBefore = AUTH.lookups();
        Api.Response invited = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", newcomer));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(AUTH.lookups()).isEqualTo(lookupsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM known_users WHERE id = ?").param(newcomer).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void anUnknownUserIsLookedUpOnceAtAuthServiceAndRemembered() {
        TestUser owner = newUser();
        TestUser guest = newUser(); // known to the stand-in only
        UUID first = id(createRoom(owner, "private"));
        UUID second = id(createRoom(owner, "private"));

        int before = AUTH.lookups();
        invite(owner, first, guest);
        assertThat(AUTH.lookups()).isEqualTo(before + 1);
        invite(owner, second, guest);
        assertThat(AUTH.lookups()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT username FROM known_users WHERE id = ?").param(guest.id()).query(String.class).single())
                .isEqualTo(guest.username());
    }

    @Test
    void whenAuthServiceCannotAnswerTheCallerIsToldToRetry() {
        TestUser owner = newUser();
        UUID roomId = id(createRoom(owner, "private"));
        AUTH.failWith(500);
        try {
            Api.Response r = api.post("/api/v1/rooms/" + roomId + "/members", owner.token(), Map.of("userId", UUID.randomUUID()));
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("service_unavailable");
        } finally {
            AUTH.failWith(0);
        }
    }

    private void publishUserRegistered(UUID userId, String username) {
        String envelope = """
                {"id":"%s","type":"user.registered","occurredAt":"%s","producer":"auth-service",
                 "data":{"userId":"%s","username":"%s","displayName":null,"createdAt":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), userId, username, Instant.now());
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        new RabbitTemplate(rabbit).send(exchange, "user.registered",
                new Message(envelope.getBytes(StandardCharsets.UTF_8), props));
    }

    private void awaitKnown(UUID userId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM known_users WHERE id = ?)").param(userId).query(Boolean.class).single()) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("user.registered for " + userId + " was not consumed");
    }
}
