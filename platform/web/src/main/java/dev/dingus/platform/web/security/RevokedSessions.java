package dev.dingus.platform.web.security;

import dev.dingus.contracts.security.SessionRevocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sessions revoked by logout, known locally so that checking a token costs no network round trip.
 * Fed by the Redis channel of {@link SessionRevocation} (within milliseconds) and reloaded from the Redis
 * keys periodically, which also covers messages missed while Redis was unreachable.
 */
public class RevokedSessions implements MessageListener {
    private static final Logger log = LoggerFactory.getLogger(RevokedSessions.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;
    private final Map<String, Long> revokedUntil = new ConcurrentHashMap<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public RevokedSessions(StringRedisTemplate redis, RedisMessageListenerContainer container, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        container.addMessageListener(this, new ChannelTopic(SessionRevocation.channel(prefix)));
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

    /** Revokes a session everywhere: the key outlives every access token of the session, the publish is instant. */
    public void revoke(String sessionId) {
        remember(sessionId);
        redis.opsForValue().set(SessionRevocation.key(prefix, sessionId), "1", ttl);
        redis.convertAndSend(SessionRevocation.channel(prefix), sessionId);
    }

    /** Called with the session id of each revocation seen (for example to disconnect its sockets). */
    public void onRevoked(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        remember(new String(message.getBody(), StandardCharsets.UTF_8));
    }

    @Scheduled(fixedDelayString = "${dingus.security.revocation-reload:30s}")
    public void reload() {
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions()
                .match(SessionRevocation.keyPattern(prefix)).count(500).build())) {
            String keyPrefix = SessionRevocation.key(prefix, "");
            keys.forEachRemaining(key -> remember(key.substring(keyPrefix.length())));
        } catch (RuntimeException e) {
            log.warn("Could not reload revoked sessions from Redis: {}", e.getMessage());
        }
    }

    private void remember(String sessionId) {
        boolean isNew = revokedUntil.put(sessionId, System.currentTimeMillis() + ttl.toMillis()) == null;
        if (isNew) {
            listeners.forEach(l -> l.accept(sessionId));
        }
    }
}
