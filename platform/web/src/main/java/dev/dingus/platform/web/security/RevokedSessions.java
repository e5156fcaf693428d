package dev.dingus.platform.web.security;

import dev.dingus.contracts.security.AccessTokenLifetime;
import dev.dingus.contracts.security.SessionRevocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sessions revoked by logout, known locally so that checking a token costs no network round trip.
 * Fed by the Redis channel of {@link SessionRevocation} (within milliseconds) and reloaded periodically from its
 * sorted set of live revocations, which also covers messages missed while Redis was unreachable. The reload
 * used to SCAN for the revocation keys: every 30 s, in every service, a walk over Redis's whole keyspace
 * (37,000 keys after one benchmark, 75 SCAN calls per reload). At start the keys are still scanned once, for
 * revocations written before the sorted set existed.
 * <p>A revocation lasts the access-token lifetime plus the clock skew ({@link AccessTokenLifetime#revocationLifetime}):
 * the session's tokens are accepted until {@code exp} plus that skew, and must stay refused as long.
 */
public class RevokedSessions implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    /**
     * KEYS: the sid's key, the sorted set; ARGV: sid, revocation lifetime ms, revoked until (epoch ms),
     * now (epoch ms), channel.
     * Also drops ended revocations from the set, which expires with its newest member.
     */
    private static final RedisScript<Long> REVOKE = RedisScript.of("""
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
            redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[4])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            return redis.call('PUBLISH', ARGV[5], ARGV[1])""", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    /** How long a revocation lasts: longer than a token is accepted (ttl + clock skew). */
    private final Duration lifetime;
    private final Map<String, Long> revokedUntil = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** {@code accessTokenTtl}: the lifetime of the access tokens; revocations last longer, by the clock skew. */
    public RevokedSessions(StringRedisTemplate redis, RedisMessageListenerContainer container, String prefix,
            Duration accessTokenTtl) {
        this.redis = redis;
        this.prefix = prefix;
        this.lifetime = AccessTokenLifetime.revocationLifetime(accessTokenTtl);
        container.addMessageListener(this, new ChannelTopic(SessionRevocation.channel(prefix)));
        reloadKeys();
        reload();
    }

    public boolean isRevoked(String sessionId) {
        if (sessionId == null) {
            return false;
        }
        Long until = revokedUntil.get(sessionId);
        if (until == null) {
            return false;
        }
        if (until < System.currentTimeMillis()) {
            revokedUntil.remove(sessionId, until);
            return false;
        }
        return true;
    }

    /** Revokes a session everywhere: the key outlives every access token of the session (skew included), the publish is instant. */
    public void revoke(String sessionId) {
        long now = System.currentTimeMillis();
        long until = now + lifetime.toMillis();
        remember(sessionId, until);
        redis.execute(REVOKE, List.of(SessionRevocation.key(prefix, sessionId), SessionRevocation.index(prefix)),
                sessionId, Long.toString(lifetime.toMillis()), Long.toString(until), Long.toString(now),
                SessionRevocation.channel(prefix));
    }

    /** Called with the session id of each revocation seen (for example to disconnect its sockets). */
    public void onRevoked(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        remember(new String(message.getBody(), StandardCharsets.UTF_8), System.currentTimeMillis() + lifetime.toMillis());
    }

    /** Loads the revocations that have not ended from the sorted set, and forgets the ended ones. */
    @Scheduled(fixedDelayString = "${dingus.security.revocation-reload:30s}")
    public void reload() {
        long now = System.currentTimeMillis();
        revokedUntil.values().removeIf(until -> until < now);
        try {
            Set<TypedTuple<String>> live = redis.opsForZSet().rangeByScoreWithScores(SessionRevocation.index(prefix), now, Double.POSITIVE_INFINITY);
            if (live != null) {
                live.forEach(entry -> remember(entry.getValue(), entry.getScore().longValue()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not reload revoked sessions from Redis: {}", e.getMessage());
        }
    }

    /** The revocation keys, each as long as a token can be accepted: written before the sorted set existed. */
    private void reloadKeys() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions()
                .match(SessionRevocation.keyPattern(prefix)).count(500).build())) {
            String keyPrefix = SessionRevocation.key(prefix, "");
            long until = System.currentTimeMillis() + lifetime.toMillis();
            keys.forEachRemaining(key -> remember(key.substring(keyPrefix.length()), until));
        } catch (RuntimeException e) {
            log.warn("Could not load revoked sessions from Redis: {}", e.getMessage());
        }
    }

    private void remember(String sessionId, long until) {
        Long known = revokedUntil.putIfAbsent(sessionId, until);
        if (known == null) {
            listeners.forEach(l -> l.accept(sessionId));
        } else if (known < until) {
            revokedUntil.replace(sessionId, known, until);
        }
    }
}
