package dev.dingus.messages.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.RoomCreated;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.RoomMemberRemoved;
import dev.dingus.messages.realtime.SocketServer;
import dev.dingus.testsupport.RoomServiceStandIn;
import dev.dingus.testsupport.TestInfrastructure;
import dev.dingus.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running message-service (HTTP on a random port, Socket.IO on another) against the machine's real
 * PostgreSQL, Redis and RabbitMQ, in a private slice ({@link TestInfrastructure}); tokens from a real JWKS
 * ({@link TestTokens}); membership set up the way production does it: room events on the exchange, while
 * {@link RoomServiceStandIn} answers room-service's internal membership question with the same truth.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestBase {
    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final RoomServiceStandIn ROOM_SERVICE = RoomServiceStandIn.start();
    /** For what must happen: generous, since a loaded 2-core CI machine can stall for seconds; passing tests never wait it out. */
    protected static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Added to "within a second" deadlines that the issues demand (revoked sessions): the measured path crosses
     * Redis, this service, the Node client and its pipe to the test, and on a loaded 2-core CI machine any runnable
     * thread on it can wait that long for a core.
     */
    protected static final Duration SCHEDULING_SLACK = Duration.ofSeconds(1);
    private static TestInfrastructure.Slice slice;
    /**
     * The room purger in tests: small batches, so a few thousand rows take many; a quick poll; and a settle time no
     * test waits out — a test ends a purge by ageing its record ({@link RoomRows#settle}).
     */
    protected static final Map<String, String> PURGE = Map.of(
            "dingus.messages.purge.batch-size", "250",
            "dingus.messages.purge.poll-interval", "200ms",
            "dingus.messages.purge.settle", "1h");

    protected static SocketClients sockets;

    @LocalServerPort
    protected int httpPort;
    @Autowired
    protected SocketServer socketServer;
    @Autowired
    protected RabbitTemplate rabbit;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected DataSource dataSource;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        slice = TestInfrastructure.register(registry, "message-service");
        TOKENS.register(registry);
        registry.add("dingus.messages.membership.room-service-url", ROOM_SERVICE::url);
        registry.add("dingus.messages.socket.port", () -> "0");
        registry.add("dingus.messages.socket.host", () -> "127.0.0.1");
        PURGE.forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void startClients() {
        sockets = SocketClients.start();
    }

    @AfterAll
    static void stopClients() {
        sockets.close();
    }

    protected static TestInfrastructure.Slice slice() {
        return slice;
    }

    /**
     * The command-line arguments of one more message-service node on this test's slice (database, Redis prefix,
     * exchange and event queue, token keys, room-service stand-in), as in cluster mode. Port 0: any free port.
     * Command-line arguments win over application.yml (default properties would not).
     */
    protected static List<String> anotherNodeArguments(String nodeId, int httpPort, int socketPort) {
        TestInfrastructure.Slice s = slice();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + httpPort,
                "--spring.datasource.url=" + s.jdbcUrl(),
                "--spring.datasource.username=" + TestInfrastructure.PG_USER,
                "--spring.datasource.password=" + TestInfrastructure.PG_PASSWORD,
                "--dingus.redis.prefix=" + s.redisPrefix(),
                "--dingus.events.exchange=" + s.exchange(),
                "--dingus.events.queue=" + s.queue("message-service"),
                "--dingus.events.temporary=true",
                "--dingus.events.relay-interval=200ms",
                "--dingus.security.jwks-uri=" + TOKENS.jwksUri(),
                "--dingus.messages.membership.room-service-url=" + ROOM_SERVICE.url(),
                "--dingus.messages.node-id=" + nodeId,
                "--dingus.messages.socket.port=" + socketPort,
                "--dingus.messages.socket.host=127.0.0.1"));
        PURGE.forEach((name, value) -> args.add("--" + name + "=" + value));
        return args;
    }

    protected Api api() {
        return new Api("http://127.0.0.1:" + httpPort);
    }

    protected String socketUrl() {
        return "http://127.0.0.1:" + socketServer.port();
    }

    protected static TestUser newUser() {
        UUID id = UUID.randomUUID();
        String username = "u" + id.toString().substring(0, 8);
        String sid = UUID.randomUUID().toString();
        return new TestUser(id, username, sid, TOKENS.tokenFor(id, username, sid));
    }

    protected SocketClients.Client connect(TestUser user) {
        return sockets.connectWithToken(user.username() + "-" + UUID.randomUUID(), socketUrl(), user.token());
    }

    /** A room made the way room-service announces it: {@code room.created}, then the members, applied here. */
    protected UUID room(String kind, String postPolicy, TestUser owner, TestUser... members) {
        UUID roomId = UUID.randomUUID();
        publish(EventTypes.ROOM_CREATED, new RoomCreated(roomId, kind, "room " + roomId, postPolicy, owner.id(), Instant.now()));
        addMember(roomId, kind, postPolicy, owner, "owner");
        for (TestUser m : members) {
            addMember(roomId, kind, postPolicy, m, "member");
        }
        return roomId;
    }

    protected UUID room(TestUser owner, TestUser... members) {
        return room("private", "everyone", owner, members);
    }

    /** A private room of two, each member with a socket that joined it. */
    protected record JoinedPair(UUID roomId, TestUser owner, TestUser bob, SocketClients.Client ownerSocket,
            SocketClients.Client bobSocket) {}

    protected JoinedPair ownerAndBobJoined() {
        TestUser owner = newUser();
        TestUser bob = newUser();
        UUID roomId = room(owner, bob);
        SocketClients.Client o = connect(owner);
        SocketClients.Client b = connect(bob);
        o.emitAck("join_room", map("roomId", roomId.toString()));
        b.emitAck("join_room", map("roomId", roomId.toString()));
        return new JoinedPair(roomId, owner, bob, o, b);
    }

    protected void addMember(UUID roomId, String kind, String postPolicy, TestUser user, String role) {
        ROOM_SERVICE.knows(roomId, kind, postPolicy, user.id(), role);
        publish(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, kind, "room", user.id(), role, "invite",
                user.id(), postPolicy));
        awaitTrue(() -> role.equals(roleOf(roomId, user)), "member " + user.username() + " as " + role);
    }

    protected void removeMember(UUID roomId, TestUser user) {
        ROOM_SERVICE.forgets(roomId, user.id());
        publish(EventTypes.ROOM_MEMBER_REMOVED, new RoomMemberRemoved(roomId, "private", user.id(), "remove", null));
        awaitTrue(() -> roleOf(roomId, user) == null, "removal of " + user.username());
    }

    protected String roleOf(UUID roomId, TestUser user) {
        return jdbc.sql("SELECT role FROM room_members WHERE room_id = ? AND user_id = ?").params(roomId, user.id())
                .query(String.class).optional().orElse(null);
    }

    /** Publishes an event envelope onto this test's exchange, as room-service's outbox relay would. */
    protected void publish(String type, Object payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID());
        envelope.put("type", type);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("producer", "room-service");
        envelope.put("data", payload);
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setType(type);
        rabbit.send(slice.exchange(), type, new Message(json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8), props));
    }

    protected static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            SocketClients.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("waited for " + what).isTrue();
    }

    protected static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
