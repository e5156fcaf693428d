package dev.dingus.presence.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendAccepted;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.platform.events.EventPublisher;
import dev.dingus.presence.PresenceServiceApplication;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.AuthUsersServer;
import dev.dingus.testsupport.Eventually;
import dev.dingus.testsupport.FanoutLog;
import dev.dingus.testsupport.RedisKeys;
import dev.dingus.testsupport.TestInfrastructure;
import dev.dingus.testsupport.TestTokens;
import dev.dingus.testsupport.TestUser;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs presence-service on a random port against the machine's real Redis and RabbitMQ, in a private slice
 * (own key prefix, exchange and queue; no database). Tokens come from a real JWKS server, "does this user
 * exist" from a real HTTP stand-in of auth-service, socket reports from {@link MessageNode}s, and what sockets
 * would receive from the real fan-out channel ({@link FanoutLog}). Heartbeat TTL and sweeps are short so
 * expiry is observable in seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = PresenceServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PresenceTestBase {
    protected static final Duration TTL = Duration.ofSeconds(3);
    protected static final String SERVICE_TOKEN = "test-service-token-" + TestInfrastructure.uniqueId();
    protected static final TestTokens TOKENS = TestTokens.start();
    protected static final AuthUsersServer AUTH = AuthUsersServer.start(SERVICE_TOKEN);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutDatabase(registry, "presence-service");
        TOKENS.register(registry);
        AUTH.register(registry, "dingus.presence.auth-url");
        registry.add("dingus.presence.heartbeat-ttl", () -> TTL.toMillis() + "ms");
        registry.add("dingus.presence.sweep-interval", () -> "300ms");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected ConnectionFactory rabbit;
    @Autowired
    protected EventPublisher events;
    @Value("${dingus.redis.prefix}")
    protected String prefix;
    @Value("${dingus.events.exchange}")
    protected String exchange;
    /** The machine's Redis itself (the service under test may be configured to reach it another way). */
    protected static final String REDIS_URL = System.getenv().getOrDefault("DINGUS_REDIS_URL", "redis://127.0.0.1:6379");

    protected Api api;
    protected FanoutLog fanout;
    protected MessageNode node;

    @BeforeEach
    void startClients() {
        api = new Api(port);
        fanout = FanoutLog.start(REDIS_URL, prefix);
        node = new MessageNode(redis, prefix, TTL);
    }

    @AfterEach
    void stopClients() {
        fanout.close();
    }

    /** The run's Redis slice goes away with it. */
    @AfterAll
    void removeRedisKeys() {
        RedisKeys.deleteAll(REDIS_URL, prefix);
    }

    /** A user auth-service (the stand-in) knows, and presence has heard of through {@code user.registered}. */
    protected TestUser newUser() {
        UUID id = UUID.randomUUID();
        String username = "u" + id.toString().substring(0, 8);
        AUTH.add(id, username);
        redis.opsForSet().add(prefix + "presence:users", id.toString());
        return new TestUser(id, username, TOKENS.tokenFor(id, username));
    }

    /** Publishes {@code room.member.added} for each user on the real exchange and waits until presence applied it. */
    protected void sameRoom(UUID roomId, TestUser... users) {
        for (TestUser u : users) {
            events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, "public", "Room", u.id(),
                    "member", "join", u.id(), "everyone"));
        }
        Eventually.eventually(Duration.ofSeconds(10), () -> {
            for (TestUser u : users) {
                assertThat(redis.opsForSet().isMember(prefix + "presence:members:" + roomId, u.id().toString())).isTrue();
            }
        });
    }

    protected void friends(TestUser a, TestUser b) {
        events.publishNow(EventTypes.FRIEND_ACCEPTED, new FriendAccepted(a.id(), b.id(), b.username()));
        Eventually.eventually(Duration.ofSeconds(10), () ->
                assertThat(redis.opsForSet().isMember(prefix + "presence:friends:" + a.id(), b.id().toString())).isTrue());
    }

    protected String statusOf(TestUser asker, TestUser user) {
        Api.Response r = api.get("/api/v1/presence/" + user.id(), asker.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.str("status");
    }

    /** Ends the heartbeats of {@link #heartbeats()}. */
    protected interface Heartbeats extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The fake message-service node heartbeats every 300 ms until closed, as a healthy node does: without it its
     * sockets expire after the short test TTL, which a slow run on a loaded machine can reach within one test.
     */
    protected Heartbeats heartbeats() {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
        beats.scheduleAtFixedRate(node::heartbeat, 0, 300, TimeUnit.MILLISECONDS);
        return beats::shutdownNow;
    }

    protected static String target(TestUser user) {
        return "user:" + user.id();
    }
}
