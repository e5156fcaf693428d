package dev.dingus.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The gateway on a random port in front of real upstream servers (one per service, two Socket.IO nodes, a
 * frontend), with presence-service pointing at a closed port, talking to the machine's real Redis under a key
 * prefix of its own. Every *IT extending this shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GatewayTestBase {
    public static final TestKeys KEYS = new TestKeys();
    public static final Upstream AUTH = Upstream.startWithJwks("auth-service", KEYS.jwks());
    public static final Upstream ROOMS = Upstream.start("room-service");
    public static final Upstream MESSAGES = Upstream.start("message-service");
    public static final Upstream NOTIFICATIONS = Upstream.start("notification-service");
    public static final Upstream FRONTEND = Upstream.start("frontend");
    public static final Upstream NODE_1 = Upstream.start("node-1");
    public static final Upstream NODE_2 = Upstream.start("node-2");
    public static final String PRESENCE_DOWN_URL = "http://127.0.0.1:" + closedPort();
    public static final String REDIS_PREFIX = "dingus-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    public static final int MAX_BODY_BYTES = 4096;
    public static final String ALLOWED_ORIGIN = "http://localhost:5173";

    /** Small limits so that tests can reach them; each test starts with full buckets. */
    public static final int USER_BURST = 25;
    public static final int AUTH_BURST = 4;
    public static final int ANONYMOUS_BURST = 25;
    /**
     * One token comes back every 500 s: far longer than any test takes, so a slow run on a loaded machine cannot
     * refill a bucket between the burst and the request that must be refused.
     */
    public static final long SECONDS_PER_TOKEN = 500;

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveStringRedisTemplate redis;

    protected Http http;

    @DynamicPropertySource
    static void gatewayInFrontOfTestUpstreams(DynamicPropertyRegistry registry) {
        registry.add("dingus.gateway.services.auth-service", AUTH::url);
        registry.add("dingus.gateway.services.room-service", ROOMS::url);
        registry.add("dingus.gateway.services.message-service", MESSAGES::url);
        registry.add("dingus.gateway.services.presence-service", () -> PRESENCE_DOWN_URL);
        registry.add("dingus.gateway.services.notification-service", NOTIFICATIONS::url);
        registry.add("dingus.gateway.frontend-url", FRONTEND::url);
        registry.add("dingus.gateway.socketio.url", NODE_1::url);
        registry.add("dingus.gateway.socketio.nodes", () -> "n1=" + NODE_1.url() + ",n2=" + NODE_2.url());
        registry.add("dingus.gateway.jwt.jwks-uri", () -> AUTH.url() + "/.well-known/jwks.json");
        registry.add("dingus.redis.prefix", () -> REDIS_PREFIX);
        registry.add("dingus.web.max-body-bytes", () -> Integer.toString(MAX_BODY_BYTES));
        registry.add("dingus.cors.allowed-origins", () -> ALLOWED_ORIGIN);
        String replenishPerSecond = Double.toString(1.0 / SECONDS_PER_TOKEN);
        registry.add("dingus.gateway.rate-limit.user.burst", () -> Integer.toString(USER_BURST));
        registry.add("dingus.gateway.rate-limit.user.replenish-per-second", () -> replenishPerSecond);
        registry.add("dingus.gateway.rate-limit.anonymous.burst", () -> Integer.toString(ANONYMOUS_BURST));
        registry.add("dingus.gateway.rate-limit.anonymous.replenish-per-second", () -> replenishPerSecond);
        registry.add("dingus.gateway.rate-limit.auth.burst", () -> Integer.toString(AUTH_BURST));
        registry.add("dingus.gateway.rate-limit.auth.replenish-per-second", () -> replenishPerSecond);
        // Redis is up in these tests: its answers may be slow on a busy machine, but a 250 ms timeout would make
        // the rate limiter fail open and the revocation lookup skip, which is not what these tests are about
        // (TokenBucketIT and RevokedSessionsIT cover failing open). Same for the upstreams' health answers.
        registry.add("dingus.gateway.redis-timeout", () -> "10s");
        registry.add("dingus.gateway.health-timeout", () -> "20s");
    }

    @BeforeEach
    void freshBuckets() {
        http = new Http("http://localhost:" + port);
        deleteKeys(REDIS_PREFIX + "ratelimit:*");
    }

    @AfterAll
    static void removeTestKeys(@Autowired ReactiveStringRedisTemplate redis) {
        redis.scan(ScanOptions.scanOptions().match(REDIS_PREFIX + "*").count(500).build())
                .flatMap(redis::delete).then().block(Duration.ofSeconds(10));
    }

    protected void deleteKeys(String pattern) {
        redis.scan(ScanOptions.scanOptions().match(pattern).count(500).build())
                .flatMap(redis::delete).then().block(Duration.ofSeconds(10));
    }

    protected static String newUser() {
        return UUID.randomUUID().toString();
    }

    protected static String tokenForNewUser() {
        return KEYS.token(newUser(), UUID.randomUUID().toString());
    }

    /** Asserts a problem+json answer with this status and code, and returns its body. */
    protected static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = Http.json(response);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).isEqualTo("https://dingus.dev/problems/" + code);
        assertThat(body.path("requestId").asString()).isNotBlank()
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }

    /** The echo of the upstream that served the request. */
    protected static JsonNode echo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
