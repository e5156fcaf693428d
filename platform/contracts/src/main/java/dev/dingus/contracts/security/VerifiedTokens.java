package dev.dingus.contracts.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens whose signature was already checked, with what decoding them gave. A client sends the same token
 * with every request of its life (minutes), and parsing it plus the RSA check was the largest single cost of a
 * cheap request. Only the very bytes verified before find their entry: the key is their SHA-256 (so tokens are not
 * kept in the clear). Callers must still check on every use what can change: expiry, revoked session.
 *
 * @param <T> what decoding a token gave
 */
public final class VerifiedTokens<T> {
    /** Beyond this many tokens the map starts afresh: a crude but safe bound on memory (a few KB each). */
    public static final int MAX_ENTRIES = 10_000;

    /** The lookup key of one token. */
    public record Key(ByteBuffer sha256) {}

    private final Map<Key, T> verified = new ConcurrentHashMap<>();

    public static Key key(String token) {
        try {
            return new Key(ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What a token with this key decoded to, or null when it was not verified here (or was forgotten). */
    public T get(Key key) {
        return verified.get(key);
    }

    /** Remembers a token that was just verified. */
    public void put(Key key, T decoded) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(key, decoded);
    }

    /** Forgets a token that is refused now (expired, session revoked), so that it costs no memory any more. */
    public void forget(Key key, T decoded) {
        verified.remove(key, decoded);
    }
}
