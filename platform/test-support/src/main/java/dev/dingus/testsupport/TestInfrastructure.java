package dev.dingus.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each test run its own slice of the machine's real PostgreSQL, Redis and RabbitMQ: a fresh database,
 * a Redis key prefix, and an auto-deleted exchange and queue, so parallel or repeated runs never collide.
 * Databases are dropped when the JVM exits.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infra(DynamicPropertyRegistry registry) { TestInfrastructure.register(registry, "auth"); }
 * }</pre>
 */
public final class TestInfrastructure {
    public static final String PG_HOST = env("DINGUS_TEST_PG_HOST", "127.0.0.1");
    public static final String PG_PORT = env("DINGUS_TEST_PG_PORT", "5432");
    public static final String PG_USER = env("DINGUS_DB_USER", "postgres");
    public static final String PG_PASSWORD = env("DINGUS_DB_PASSWORD", "");

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static final List<String> QUEUES = new CopyOnWriteArrayList<>();
    private static final List<String> EXCHANGES = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dropAll();
            deleteRabbitLeftovers();
        }, "drop-test-databases"));
    }

    private TestInfrastructure() {}

    /** A short random name part, safe for databases, keys and queues. */
    public static String uniqueId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Registers datasource, Redis prefix and event exchange/queue properties of a fresh, private slice. */
    public static Slice register(DynamicPropertyRegistry registry, String service) {
        Slice slice = newSlice(service);
        registry.add("spring.datasource.url", slice::jdbcUrl);
        registry.add("spring.datasource.username", () -> PG_USER);
        registry.add("spring.datasource.password", () -> PG_PASSWORD);
        registry.add("dingus.redis.prefix", slice::redisPrefix);
        registry.add("dingus.events.exchange", slice::exchange);
        registry.add("dingus.events.queue", () -> slice.queue(service));
        registry.add("dingus.events.temporary", () -> "true");
        registry.add("dingus.events.relay-interval", () -> "200ms");
        rememberRabbitNames(slice, service);
        return slice;
    }

    /** Same as {@link #register} without a database (services that keep nothing in PostgreSQL). */
    public static Slice registerWithoutDatabase(DynamicPropertyRegistry registry, String service) {
        Slice slice = new Slice(uniqueId(), null);
        registry.add("dingus.redis.prefix", slice::redisPrefix);
        registry.add("dingus.events.exchange", slice::exchange);
        registry.add("dingus.events.queue", () -> slice.queue(service));
        registry.add("dingus.events.temporary", () -> "true");
        rememberRabbitNames(slice, service);
        return slice;
    }

    /**
     * A dead-letter queue that never had a consumer is not auto-deleted, and keeps its dead-letter exchange
     * bound: both are deleted when the JVM exits, with the slice's queue and exchange.
     */
    private static void rememberRabbitNames(Slice slice, String service) {
        QUEUES.add(slice.queue(service));
        QUEUES.add(slice.queue(service) + ".dlq");
        EXCHANGES.add(slice.exchange() + ".dlx");
        EXCHANGES.add(slice.exchange());
    }

    private static void deleteRabbitLeftovers() {
        if (QUEUES.isEmpty()) {
            return;
        }
        com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setConnectionTimeout(2000);
        try {
            factory.setUri(env("DINGUS_RABBIT_URL", "amqp://guest:guest@127.0.0.1:5672"));
            try (com.rabbitmq.client.Connection connection = factory.newConnection("test-cleanup");
                    com.rabbitmq.client.Channel channel = connection.createChannel()) {
                for (String queue : QUEUES) {
                    channel.queueDelete(queue); // deleting a missing queue is a no-op
                }
                for (String exchange : EXCHANGES) {
                    channel.exchangeDelete(exchange);
                }
            }
        } catch (Exception e) {
            System.err.println("Could not delete test queues " + QUEUES + ": " + e.getMessage());
        }
    }

    public static Slice newSlice(String service) {
        String id = uniqueId();
        String database = ("t_" + service.replaceAll("[^A-Za-z0-9]", "_") + "_" + id).toLowerCase(Locale.ROOT);
        createDatabase(database);
        return new Slice(id, database);
    }

    public static void createDatabase(String name) {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE \"" + name + "\"");
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + PG_HOST + ":" + PG_PORT
                    + " (is PostgreSQL running?)", e);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", PG_USER, PG_PASSWORD);
    }

    private static void dropAll() {
        if (CREATED.isEmpty()) {
            return;
        }
        try (Connection c = admin(); Statement s = c.createStatement()) {
            for (String name : CREATED) {
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + CREATED + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The names of one private slice. */
    public record Slice(String id, String database) {
        public String jdbcUrl() { return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + database; }
        public String redisPrefix() { return "test:" + id + ":"; }
        public String exchange() { return "test." + id + ".events"; }
        public String queue(String service) { return "test." + id + "." + service + ".events"; }
    }
}
