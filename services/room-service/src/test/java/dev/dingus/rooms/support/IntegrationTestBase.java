package dev.dingus.rooms.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.RoomServiceApplication;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.AuthUsersServer;
import dev.dingus.testsupport.TestInfrastructure;
import dev.dingus.testsupport.TestTokens;
import dev.dingus.testsupport.TestUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs room-service on a random port against the machine's real PostgreSQL, Redis and RabbitMQ, in a
 * private slice (own database, key prefix, exchange and queue). Tokens come from a real JWKS server; the
 * "does this user exist" lookups go to a real HTTP stand-in of auth-service's internal endpoint.
 */
@SpringBootTest(classes = RoomServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestBase {
    protected static final String SERVICE_TOKEN = "test-service-token-" + TestInfrastructure.uniqueId();
    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final AuthUsersServer AUTH = AuthUsersServer.start(SERVICE_TOKEN);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "room-service");
        TOKENS.register(registry);
        AUTH.register(registry, "dingus.rooms.auth-url");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ConnectionFactory rabbit;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected DataSource dataSource;
    @Value("${dingus.events.exchange}")
    protected String exchange;

    protected Api api;
    protected RoomEventLog events;

    @BeforeEach
    void startClientAndEventLog() {
        api = new Api(port);
        if (capturesEvents()) {
            events = RoomEventLog.start(rabbit, exchange);
        }
    }

    @AfterEach
    void stopEventLog() {
        if (events != null) {
            events.close();
        }
    }

    /** Tests that assert no events skip the capture (stopping one costs a second). */
    protected boolean capturesEvents() {
        return true;
    }

    /**
     * The room's events once exactly {@code count} arrived and no more can follow. The outbox relay sends rows
     * in commit order and re-sends unconfirmed ones before anything newer, so when the events of a room created
     * afterwards have arrived, every event of this room that will ever be published has arrived too: a
     * duplicate would show up here.
     */
    protected List<RoomEventLog.Event> settledEvents(UUID roomId, int count) {
        events.awaitForRoom(roomId, count);
        UUID marker = id(createRoom(newUser(), "public"));
        events.awaitForRoom(marker, 2);
        List<RoomEventLog.Event> all = events.forRoom(roomId);
        assertThat(all).as("events of room %s, each exactly once", roomId).hasSize(count);
        return all;
    }

    /** A new user that auth-service (the stand-in) knows, with a valid token. */
    protected TestUser newUser() {
        UUID id = UUID.randomUUID();
        String username = "u" + id.toString().substring(0, 8);
        AUTH.add(id, username);
        return new TestUser(id, username, TOKENS.tokenFor(id, username));
    }

    protected JsonNode createRoom(TestUser owner, String kind) {
        return createRoom(owner, "Room " + UUID.randomUUID().toString().substring(0, 8), kind);
    }

    protected JsonNode createRoom(TestUser owner, String name, String kind) {
        Api.Response created = api.post("/api/v1/rooms", owner.token(), Map.of("name", name, "kind", kind));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    protected static UUID id(JsonNode room) {
        return UUID.fromString(room.get("id").asString());
    }

    protected void invite(TestUser by, UUID roomId, TestUser who) {
        Api.Response r = api.post("/api/v1/rooms/" + roomId + "/members", by.token(), Map.of("userId", who.id()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    protected void setRole(TestUser by, UUID roomId, TestUser who, String role) {
        Api.Response r = api.put("/api/v1/rooms/" + roomId + "/members/" + who.id() + "/role", by.token(), Map.of("role", role));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }
}
