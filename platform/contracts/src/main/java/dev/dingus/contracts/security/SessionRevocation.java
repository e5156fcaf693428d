package dev.dingus.contracts.security;

/**
 * How a revoked session is made known to every service within a second: auth-service sets
 * {@code <prefix>session:revoked:<sid>} (TTL = the longest access token lifetime plus the clock skew tokens are
 * accepted for, {@link AccessTokenLifetime#revocationLifetime}), adds the sid to the sorted set
 * {@code <prefix>session:revoked} (score: the epoch millisecond until which it stays revoked) and publishes the
 * sid on {@code <prefix>session:revocations}. Services keep a local set fed by the channel; the gateway checks
 * the key of an unknown sid, the other services reload the sorted set periodically (a read of the live
 * revocations only, where scanning for the keys would read the whole keyspace). The default prefix is
 * {@code dingus:}.
 */
public final class SessionRevocation {
    private SessionRevocation() {}

    public static String key(String prefix, String sessionId) { return prefix + "session:revoked:" + sessionId; }
    public static String channel(String prefix) { return prefix + "session:revocations"; }
    public static String keyPattern(String prefix) { return prefix + "session:revoked:*"; }
    /** The sorted set of revoked sids, scored by the epoch millisecond their revocation ends. */
    public static String index(String prefix) { return prefix + "session:revoked"; }
}
