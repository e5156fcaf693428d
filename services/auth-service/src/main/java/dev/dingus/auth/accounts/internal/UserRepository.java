package dev.dingus.auth.accounts.internal;

import dev.dingus.contracts.errors.ErrorCodes;
import dev.dingus.platform.web.errors.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
    private static final String COLUMNS = "id, username, email, password_hash, display_name, avatar_url, status_text, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new user; a taken username or email (also in a race) is a 409 with its own code. */
    public void insert(UserRow user) {
        try {
            jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(user.id(), user.username(), user.email(), user.passwordHash(), user.displayName(),
                            user.avatarUrl(), user.statusText(), Timestamp.from(user.createdAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("users_email_key")) {
                throw emailTaken();
            }
            throw usernameTaken();
        }
    }

    /** Whether an external provider vouched for the user's email (registration does not check it). */
    public boolean emailVerified(UUID id) {
        return jdbc.sql("SELECT email_verified FROM users WHERE id = ?").param(id).query(Boolean.class).optional()
                .orElse(false);
    }

    public void markEmailVerified(UUID id) {
        jdbc.sql("UPDATE users SET email_verified = true WHERE id = ?").param(id).update();
    }

    public boolean usernameExists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(?))").param(username)
                .query(Boolean.class).single();
    }

    public boolean emailExists(String email) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(?))").param(email)
                .query(Boolean.class).single();
    }

    public Optional<UserRow> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    public Optional<UserRow> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(username) = lower(?)").param(username)
                .query(UserRepository::map).optional();
    }

    /** By username or email: usernames cannot contain '@', so a login names at most one user. */
    public Optional<UserRow> findByLogin(String login) {
        String column = login.indexOf('@') >= 0 ? "email" : "username";
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(" + column + ") = lower(?)").param(login)
                .query(UserRepository::map).optional();
    }

    public List<UserRow> findAllByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ANY(?)").param(ids.toArray(UUID[]::new))
                .query(UserRepository::map).list();
    }

    /** Users whose username or display name starts with {@code prefix} (case-insensitive), by username. */
    public List<UserRow> searchByPrefix(String prefix, int limit) {
        String pattern = escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%";
        return jdbc.sql("SELECT " + COLUMNS + " FROM users"
                        + " WHERE lower(username) LIKE ? ESCAPE '\\' OR lower(display_name) LIKE ? ESCAPE '\\'"
                        + " ORDER BY lower(username) LIMIT ?")
                .params(pattern, pattern, limit).query(UserRepository::map).list();
    }

    /** Sets the given profile fields ({@code null} keeps a field, {@code ""} clears it); empty if the user is gone. */
    public Optional<UserRow> updateProfile(UUID id, String displayName, String avatarUrl, String statusText) {
        return jdbc.sql("""
                        UPDATE users SET
                          display_name = CASE WHEN ?::text IS NULL THEN display_name ELSE NULLIF(?::text, '') END,
                          avatar_url   = CASE WHEN ?::text IS NULL THEN avatar_url   ELSE NULLIF(?::text, '') END,
                          status_text  = CASE WHEN ?::text IS NULL THEN status_text  ELSE NULLIF(?::text, '') END,
                          updated_at = now()
                        WHERE id = ? RETURNING\s""" + COLUMNS)
                .params(displayName, displayName, avatarUrl, avatarUrl, statusText, statusText, id)
                .query(UserRepository::map).optional();
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?").params(passwordHash, id).update();
    }

    static ApiException usernameTaken() {
        return ApiException.conflict(ErrorCodes.USERNAME_TAKEN, "This username is taken.");
    }

    static ApiException emailTaken() {
        return ApiException.conflict(ErrorCodes.EMAIL_TAKEN, "An account with this email exists already.");
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static UserRow map(ResultSet rs, int row) throws SQLException {
        // Milliseconds, as the API documents its timestamps.
        Instant created = rs.getTimestamp("created_at").toInstant().truncatedTo(ChronoUnit.MILLIS);
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
                rs.getString("password_hash"), rs.getString("display_name"), rs.getString("avatar_url"),
                rs.getString("status_text"), created);
    }
}
