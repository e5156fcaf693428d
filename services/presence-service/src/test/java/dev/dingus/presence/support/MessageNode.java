package dev.dingus.presence.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays one message-service node exactly as the presence contract says it behaves in Redis: ZADD
 * {@code presence:conn:<user>} and a {@code connect} report on connect, ZREM and a {@code disconnect} report
 * on disconnect, heartbeats that move every local socket's deadline and {@code presence:deadlines} (GT), and
 * {@code presence:active:<user>} when a message is sent. A node that "dies" simply stops doing anything.
 */
public final class MessageNode {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final String prefix;
    private final String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final Duration ttl;
    private final Map<String, UUID> sockets = new java.util.concurrent.ConcurrentHashMap<>();

    public MessageNode(StringRedisTemplate redis, String prefix, Duration ttl) {
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
    }

    /** Opens a socket for the user; returns its id. */
    // connect, disconnect and heartbeat are synchronized, as one node's own bookkeeping is: a heartbeat
    // running concurrently must not re-add a socket that disconnect just removed.
    public synchronized String connect(UUID userId) {
        String socketId = UUID.randomUUID().toString().substring(0, 12);
        sockets.put(socketId, userId);
        redis.opsForZSet().add(prefix + "presence:conn:" + userId, nodeId + ":" + socketId, deadline());
        report("connect", userId, socketId);
        return socketId;
    }

    public synchronized void disconnect(String socketId) {
        UUID userId = sockets.remove(socketId);
        redis.opsForZSet().remove(prefix + "presence:conn:" + userId, nodeId + ":" + socketId);
        report("disconnect", userId, socketId);
    }

    /** One refresh round: every local socket's deadline is now + TTL, and so is its user's in the index. */
    public synchronized void heartbeat() {
        long deadline = deadline();
        sockets.forEach((socketId, userId) -> {
            redis.opsForZSet().add(prefix + "presence:conn:" + userId, nodeId + ":" + socketId, deadline);
            redis.opsForZSet().add(prefix + "presence:deadlines", userId.toString(), deadline);
        });
    }

    /** A message was sent by the user. */
    public void messageSent(UUID userId) {
        redis.opsForValue().set(prefix + "presence:active:" + userId, Long.toString(System.currentTimeMillis()));
    }

    private long deadline() {
        return Instant.now().plus(ttl).toEpochMilli();
    }

    private void report(String type, UUID userId, String socketId) {
        redis.convertAndSend(prefix + "presence:events", JSON.writeValueAsString(Map.of("type", type,
                "userId", userId.toString(), "socketId", socketId, "nodeId", nodeId, "at", System.currentTimeMillis())));
    }
}
