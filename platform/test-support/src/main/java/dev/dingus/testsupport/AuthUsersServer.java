package dev.dingus.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Serves auth-service's internal user lookup over real HTTP on a random port, as auth-service documents it:
 * {@code GET /internal/users/{id}} with {@code X-Dingus-Service-Token} → 200 user JSON or 404; 401 without
 * the credential. {@link #failWith} makes it answer an error, to test how the service under test copes.
 */
public final class AuthUsersServer implements AutoCloseable {
    private final HttpServer server;
    private final String serviceToken;
    private final Map<UUID, String> users = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private volatile int failStatus;

    private AuthUsersServer(HttpServer server, String serviceToken) {
        this.server = server;
        this.serviceToken = serviceToken;
    }

    /** Starts the stand-in; it answers only requests that carry {@code serviceToken}. */
    public static AuthUsersServer start(String serviceToken) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            AuthUsersServer auth = new AuthUsersServer(server, serviceToken);
            server.createContext("/internal/users/", auth::handle);
            server.start();
            return auth;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the auth-service stand-in", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Points the service under test at this stand-in: its auth-service base URL ({@code urlProperty}, e.g.
     * {@code dingus.rooms.auth-url}) and the service credential the stand-in expects.
     */
    public void register(DynamicPropertyRegistry registry, String urlProperty) {
        registry.add("dingus.security.service-token", () -> serviceToken);
        registry.add(urlProperty, this::url);
    }

    /** Makes {@code id} a known user named {@code username}. */
    public void add(UUID id, String username) {
        users.put(id, username);
    }

    /** How many lookups reached the stand-in (with or without the credential). */
    public int lookups() {
        return lookups.get();
    }

    /** 0 answers normally; any other status is returned for every lookup. */
    public void failWith(int status) {
        failStatus = status;
    }

    private void handle(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        if (!serviceToken.equals(exchange.getRequestHeaders().getFirst("X-Dingus-Service-Token"))) {
            JsonReply.send(exchange, 401, "{\"code\":\"unauthorized\"}");
            return;
        }
        if (failStatus != 0) {
            JsonReply.send(exchange, failStatus, "{\"code\":\"internal_error\"}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/internal/users/".length());
        String username;
        try {
            username = users.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            username = null;
        }
        if (username == null) {
            JsonReply.send(exchange, 404, "{\"code\":\"user_not_found\"}");
        } else {
            JsonReply.send(exchange, 200, "{\"id\":\"" + id + "\",\"username\":\"" + username + "\",\"displayName\":null}");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
