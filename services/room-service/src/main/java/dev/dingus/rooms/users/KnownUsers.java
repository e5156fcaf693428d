package dev.dingus.rooms.users;

import dev.dingus.rooms.core.RoomErrors;
import dev.dingus.rooms.users.internal.AuthUsersClient;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers "does this user exist?" from the local table, asking auth-service only about users not seen yet. */
@Component
public class KnownUsers {
    private final JdbcClient jdbc;
    private final AuthUsersClient auth;

    public KnownUsers(JdbcClient jdbc, AuthUsersClient auth) {
        this.jdbc = jdbc;
        this.auth = auth;
    }

    /**
     * 404 {@code user_not_found} unless the user exists. Call it before taking locks: it may make an HTTP
     * call to auth-service (503 {@code service_unavailable} when that cannot answer).
     */
    public void requireExists(UUID userId) {
        if (isKnown(userId)) {
            return;
        }
        Optional<String> username = auth.lookup(userId);
        if (username.isEmpty()) {
            throw RoomErrors.userNotFound();
        }
        remember(userId, username.get());
    }

    public boolean isKnown(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM known_users WHERE id = ?)").param(userId).query(Boolean.class).single();
    }

    public void remember(UUID userId, String username) {
        jdbc.sql("""
                INSERT INTO known_users (id, username) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET username = COALESCE(EXCLUDED.username, known_users.username)""")
                .params(userId, username).update();
    }
}
