package dev.dingus.notifications.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.contracts.events.EventTypes;
import dev.dingus.contracts.events.FriendRequested;
import dev.dingus.contracts.events.MessageCreated;
import dev.dingus.contracts.events.MessageDeleted;
import dev.dingus.contracts.events.MessageEdited;
import dev.dingus.contracts.events.RoomMemberAdded;
import dev.dingus.contracts.events.UserRegistered;
import dev.dingus.notifications.NotificationServiceApplication;
import dev.dingus.platform.events.EventEnvelope;
import dev.dingus.platform.events.EventPublisher;
import dev.dingus.testsupport.Api;
import dev.dingus.testsupport.Eventually;
import dev.dingus.testsupport.FanoutLog;
import dev.dingus.testsupport.RedisKeys;
import dev.dingus.testsupport.RoomServiceStandIn;
import dev.dingus.testsupport.TestInfrastructure;
import dev.dingus.testsupport.TestTokens;
import dev.dingus.testsupport.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Runs notification-service on a random port against the machine's real PostgreSQL, Redis and RabbitMQ in a
 * private slice (own database, key prefix, exchange and queue). Events are published on the real exchange as
 * the other services would publish them; what sockets would receive is read from the real fan-out channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(classes = NotificationServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NotificationTestBase {
    protected static final Duration WAIT = Duration.ofSeconds(15);
    protected static final TestTokens TOKENS = TestTokens.start();
    /** room-service's membership answers, kept with the same truth as the member events published here. */
    protected static final RoomServiceStandIn ROOM_SERVICE = RoomServiceStandIn.start();
    /** A system admin by id and one by username, as DINGUS_SYSTEM_ADMINS lists them. */
    protected static final UUID ADMIN_ID = UUID.randomUUID();
    protected static final String ADMIN_NAME = "boss" + TestInfrastructure.uniqueId();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-service");
        TOKENS.register(registry);
        registry.add("dingus.notifications.room-service-url", ROOM_SERVICE::url);
        registry.add("dingus.notifications.system-admins", () -> ADMIN_ID + ", " + ADMIN_NAME.toUpperCase());
        // small batches, so a fan-out to everyone spans several of them
        registry.add("dingus.notifications.fan-out-batch", () -> "3");
        registry.add("dingus.notifications.max-mutes-per-user", () -> "3");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventPublisher events;
    @Autowired
    private org.springframework.amqp.rabbit.core.RabbitTemplate rabbit;
    @Autowired
    private tools.jackson.databind.json.JsonMapper json;
    @Value("${dingus.events.exchange}")
    private String exchange;
    @Value("${dingus.redis.prefix}")
    protected String prefix;
    @Value("${spring.data.redis.url}")
    protected String redisUrl;

    protected Api api;
    protected FanoutLog fanout;

    @BeforeEach
    void startClients() {
        api = new Api(port);
        fanout = FanoutLog.start(redisUrl, prefix);
    }

    @AfterEach
    void stopClients() {
        fanout.close();
    }

    /** The run's Redis slice goes away with it. */
    @AfterAll
    void removeRedisKeys() {
        RedisKeys.deleteAll(redisUrl, prefix);
    }

    /** A user auth-service announced with {@code user.registered}. */
    protected TestUser registered() {
        return registered(UUID.randomUUID(), "u" + TestInfrastructure.uniqueId().substring(0, 8), Instant.now());
    }

    protected TestUser registered(UUID id, String username, Instant at) {
        events.publishNow(EventTypes.USER_REGISTERED, new UserRegistered(id, username, null, at));
        return new TestUser(id, username, TOKENS.tokenFor(id, username));
    }

    /** {@code room.member.added} for each user (via join, or dm for a DM room). */
    protected UUID room(String kind, String name, TestUser... members) {
        UUID roomId = UUID.randomUUID();
        for (TestUser m : members) {
            ROOM_SERVICE.knows(roomId, kind, "everyone", m.id(), "member");
            events.publishNow(EventTypes.ROOM_MEMBER_ADDED, new RoomMemberAdded(roomId, kind, name, m.id(), "member",
                    "dm".equals(kind) ? "dm" : "join", m.id(), "everyone"));
        }
        return roomId;
    }

    /** Publishes {@code message.created} as message-service does, with its AMQP headers. */
    protected EventEnvelope message(UUID roomId, String kind, TestUser sender, String content, List<String> mentions) {
        return message(UUID.randomUUID(), roomId, kind, sender, content, mentions);
    }

    protected EventEnvelope message(UUID messageId, UUID roomId, String kind, TestUser sender, String content,
            List<String> mentions) {
        EventPublisher asMessageService = new EventPublisher(rabbit, json, exchange, "message-service",
                event -> json.treeToValue(event.data(), MessageCreated.class).amqpHeaders());
        return asMessageService.publishNow(EventTypes.MESSAGE_CREATED, new MessageCreated(messageId, roomId, kind, 1,
                sender.id(), sender.username(), content, mentions, Instant.now()));
    }

    /** {@code message.deleted} of a message in {@code roomId}, by its sender. */
    protected void deleted(UUID messageId, UUID roomId, TestUser by) {
        events.publishNow(EventTypes.MESSAGE_DELETED, new MessageDeleted(messageId, roomId, 1, by.id()));
    }

    /** {@code message.edited} as message-service publishes it: without the new content (ADR 0017). */
    protected void edited(UUID messageId, UUID roomId, TestUser sender) {
        events.publishNow(EventTypes.MESSAGE_EDITED, new MessageEdited(messageId, roomId, 1, sender.id(), Instant.now()));
    }

    protected static UUID messageId(EventEnvelope created) {
        return UUID.fromString(created.data().get("messageId").asString());
    }

    /**
     * The consumer handles events one at a time in publish order: once a friend request published now has
     * become a notification, everything published before it has been handled.
     */
    protected void drain() {
        TestUser marker = registered();
        TestUser asker = registered();
        events.publishNow(EventTypes.FRIEND_REQUESTED, new FriendRequested(asker.id(), asker.username(), marker.id()));
        awaitNotifications(marker, 1);
    }

    /** The caller's notifications (first page of 100), once there are exactly {@code count}. */
    protected List<JsonNode> awaitNotifications(TestUser user, int count) {
        List<JsonNode> items = new ArrayList<>();
        Eventually.eventually(WAIT, () -> {
            items.clear();
            items.addAll(notifications(user));
            assertThat(items).hasSize(count);
        });
        return items;
    }

    protected List<JsonNode> notifications(TestUser user) {
        Api.Response r = api.get("/api/v1/notifications?size=100", user.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.body().get("items").forEach(items::add);
        return items;
    }

    protected static String target(TestUser user) {
        return "user:" + user.id();
    }
}
