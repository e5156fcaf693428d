package dev.dingus.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.auth.oidc.FakeOidcProvider;
import dev.dingus.testsupport.TestInfrastructure;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The running service against the machine's real PostgreSQL, Redis and RabbitMQ, in a slice of its own (fresh
 * database, Redis prefix, private exchange). All *IT classes share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // Cheap hashes keep the suite fast; the cost factor itself is covered by PasswordHasherTest.
        "dingus.auth.passwords.bcrypt-strength=4",
        "dingus.auth.throttling.account-failures=5",
        "dingus.auth.throttling.address-attempts=30",
        // Small enough for FriendsIT to reach; no other test has this many.
        "dingus.auth.friends.max-relations=5",
        "dingus.auth.friends.max-outgoing-requests=3"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractAuthIT {
    protected static TestInfrastructure.Slice slice;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        slice = TestInfrastructure.register(registry, "auth");
        // One context for all ITs: the external sign-in providers are configured for every one of them.
        FakeOidcProvider.shared().register(registry);
        String exchange = slice.exchange();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteExchange(exchange), "delete-test-exchange"));
    }

    /**
     * The slice's exchange is auto-delete, but RabbitMQ only deletes such an exchange when its last binding goes:
     * one that never had a binding (a run without event captures) would stay behind.
     */
    private static void deleteExchange(String exchange) {
        String url = System.getenv().getOrDefault("DINGUS_RABBIT_URL", "amqp://guest:guest@127.0.0.1:5672");
        CachingConnectionFactory connections = new CachingConnectionFactory(URI.create(url));
        try {
            new RabbitAdmin(connections).deleteExchange(exchange);
        } catch (RuntimeException e) {
            System.err.println("Could not delete test exchange " + exchange + ": " + e.getMessage());
        } finally {
            connections.destroy();
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    protected Http http() {
        return new Http(port);
    }

    /** A unique, valid registration. */
    protected static Map<String, Object> newUser(String displayName) {
        String id = TestInfrastructure.uniqueId();
        return Map.of("username", "u_" + id, "email", "u_" + id + "@example.com", "password", "correct horse " + id,
                "displayName", displayName);
    }

    /** Registers a new user and returns the AuthResponse. */
    protected JsonNode register(Http http, Map<String, Object> user) {
        Http.Response response = http.post("/api/v1/auth/register", user, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode register(Http http) {
        return register(http, newUser("Tester"));
    }

    protected static String accessToken(JsonNode auth) {
        return auth.get("accessToken").asString();
    }

    protected static UUID userId(JsonNode auth) {
        return UUID.fromString(auth.get("user").get("id").asString());
    }

    /** The decoded claims (or header, part 0) of a JWT. */
    protected static JsonNode jwtPart(String jwt, int part) {
        return Http.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
    }

    @AfterAll
    void removeRedisKeys() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(slice.redisPrefix() + "*").count(500).build())) {
            keys.forEachRemaining(redis::delete);
        }
    }
}
