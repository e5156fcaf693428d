package dev.dingus.auth.accounts.internal;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which account an external identity (provider, subject) signs in to. */
@Repository
class OidcIdentityRepository {
    private final JdbcClient jdbc;

    OidcIdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> findUser(String provider, String subject) {
        return jdbc.sql("SELECT user_id FROM oidc_identities WHERE provider = ? AND subject = ?").params(provider, subject)
                .query(UUID.class).optional();
    }

    /** A concurrent first sign-in of the same identity loses on the primary key (DuplicateKeyException). */
    void link(String provider, String subject, UUID userId) {
        jdbc.sql("INSERT INTO oidc_identities (provider, subject, user_id) VALUES (?, ?, ?)").params(provider, subject, userId)
                .update();
    }
}
