package dev.dingus.auth.tokens.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSigningKeyRepository implements SigningKeyRepository {
    private static final String COLUMNS = "kid, public_key, private_key, source, created_at, retired_at";

    private final JdbcClient jdbc;

    JdbcSigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('dingus.auth.signing_keys'))").query().singleRow();
    }

    @Override
    public Optional<StoredKey> newestSigningKey() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE retired_at IS NULL AND private_key IS NOT NULL"
                        + " ORDER BY created_at DESC LIMIT 1")
                .query(JdbcSigningKeyRepository::map).optional();
    }

    @Override
    public Optional<StoredKey> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE kid = ?").param(kid)
                .query(JdbcSigningKeyRepository::map).optional();
    }

    @Override
    public void insert(StoredKey key) {
        jdbc.sql("INSERT INTO signing_keys (kid, public_key, private_key, source, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(key.kid(), RsaKeyMaterial.encodePublic(key.key()),
                        key.canSign() && key.source() == StoredKey.Source.GENERATED ? RsaKeyMaterial.encodePrivate(key.key()) : null,
                        key.source().name().toLowerCase(Locale.ROOT), Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public int retireAllExcept(String kid, Instant at) {
        // A retired key never signs again: its private part has no reason to stay.
        return jdbc.sql("UPDATE signing_keys SET retired_at = ?, private_key = NULL WHERE retired_at IS NULL AND kid <> ?")
                .params(Timestamp.from(at), kid).update();
    }

    @Override
    public List<StoredKey> publishable(Instant retiredAfter) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_keys WHERE retired_at IS NULL OR retired_at > ?"
                        + " ORDER BY created_at DESC")
                .param(Timestamp.from(retiredAfter)).query(JdbcSigningKeyRepository::map).list();
    }

    @Override
    public int deleteRetiredBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM signing_keys WHERE retired_at IS NOT NULL AND retired_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }

    private static StoredKey map(ResultSet rs, int row) throws SQLException {
        String kid = rs.getString("kid");
        Timestamp retired = rs.getTimestamp("retired_at");
        return new StoredKey(kid, RsaKeyMaterial.fromStored(kid, rs.getString("public_key"), rs.getString("private_key")),
                StoredKey.Source.valueOf(rs.getString("source").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("created_at").toInstant(), retired == null ? null : retired.toInstant());
    }
}
