package dev.dingus.contracts.security;

/**
 * How a revoked session is made known to every service within a second: auth-service sets
 * {@code <prefix>session:revoked:<sid>} (TTL = the longest access token lifetime) and publishes the sid on
 * {@code <prefix>session:revocations}. Services keep a local set fed by the channel and check the key on
 * (re)subscription. The default prefix is {@code dingus:}.
 */
public final class SessionRevocation {
    private SessionRevocation() {}

    public static String key(String prefix, String sessionId) { return prefix + "session:revoked:" + sessionId; }
    public static String channel(String prefix) { return prefix + "session:revocations"; }
    public static String keyPattern(String prefix) { return prefix + "session:revoked:*"; }
}
