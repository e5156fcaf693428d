package dev.dingus.auth.tokens;

import dev.dingus.auth.tokens.internal.SigningKeyRepository;
import dev.dingus.auth.tokens.internal.StoredKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The key table in memory, storing what the JDBC one stores: environment keys without their private part. */
final class InMemorySigningKeys implements SigningKeyRepository {
    final Map<String, StoredKey> rows = new ConcurrentHashMap<>();

    @Override
    public void lock() {}

    @Override
    public Optional<StoredKey> newestSigningKey() {
        return rows.values().stream().filter(k -> k.retiredAt() == null && k.canSign())
                .max(Comparator.comparing(StoredKey::createdAt));
    }

    @Override
    public Optional<StoredKey> find(String kid) {
        return Optional.ofNullable(rows.get(kid));
    }

    @Override
    public void insert(StoredKey key) {
        StoredKey stored = key.source() == StoredKey.Source.ENVIRONMENT
                ? new StoredKey(key.kid(), key.key().toPublicJWK(), key.source(), key.createdAt(), null) : key;
        if (rows.putIfAbsent(key.kid(), stored) != null) {
            throw new IllegalStateException("duplicate kid " + key.kid());
        }
    }

    @Override
    public int retireAllExcept(String kid, Instant at) {
        int[] n = {0};
        rows.replaceAll((id, k) -> {
            if (!id.equals(kid) && k.retiredAt() == null) {
                n[0]++;
                return new StoredKey(k.kid(), k.key().toPublicJWK(), k.source(), k.createdAt(), at);
            }
            return k;
        });
        return n[0];
    }

    @Override
    public List<StoredKey> publishable(Instant retiredAfter) {
        return rows.values().stream().filter(k -> k.retiredAt() == null || k.retiredAt().isAfter(retiredAfter))
                .sorted(Comparator.comparing(StoredKey::createdAt).reversed()).toList();
    }

    @Override
    public int deleteRetiredBefore(Instant cutoff) {
        int before = rows.size();
        rows.values().removeIf(k -> k.retiredAt() != null && k.retiredAt().isBefore(cutoff));
        return before - rows.size();
    }
}
