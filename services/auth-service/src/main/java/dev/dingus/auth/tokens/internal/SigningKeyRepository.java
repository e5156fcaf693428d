package dev.dingus.auth.tokens.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where signing keys are kept. Calls that change keys run inside one transaction, after {@link #lock()}. */
public interface SigningKeyRepository {

    /** Serialises key changes between instances of the service (held until the transaction ends). */
    void lock();

    /** The newest unretired key whose private part is stored here. */
    Optional<StoredKey> newestSigningKey();

    Optional<StoredKey> find(String kid);

    void insert(StoredKey key);

    /** Retires every unretired key except {@code kid}, forgetting their private parts; returns how many. */
    int retireAllExcept(String kid, Instant at);

    /** Unretired keys and keys retired after {@code retiredAfter}, newest first. */
    List<StoredKey> publishable(Instant retiredAfter);

    /** Forgets keys retired before {@code cutoff}: nothing they signed is valid any more. */
    int deleteRetiredBefore(Instant cutoff);
}
