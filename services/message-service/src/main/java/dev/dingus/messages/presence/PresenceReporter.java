package dev.dingus.messages.presence;

import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.RedisZSetCommands;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells presence-service which users have sockets on this node. Every write runs on one background lane
 * (in order: a disconnect never overtakes its connect) and is skipped while Redis is away; the periodic
 * refresh rewrites the whole local picture, so nothing missed during an outage stays wrong for long.
 */
@Component
public class PresenceReporter implements DisposableBean {
    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final String nodeId;
    private final long deadlineMillis;
    /** socketId → userId of the sockets connected here. */
    private final Map<String, UUID> local = new ConcurrentHashMap<>();
    private final ExecutorService lane = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("presence-report").factory());

    PresenceReporter(StringRedisTemplate redis, RedisGuard guard, RedisKeys keys, JsonMapper json, MessagesProperties props) {
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.json = json;
        this.nodeId = props.nodeId();
        this.deadlineMillis = props.socket().presenceDeadline().toMillis();
    }

    public void connected(UUID userId, String socketId) {
        local.put(socketId, userId);
        long now = System.currentTimeMillis();
        String event = event("connect", userId, socketId, now);
        lane.execute(() -> guard.run(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection c = new DefaultStringRedisConnection(connection);
            c.zAdd(keys.presenceConnections(userId), now + deadlineMillis, member(socketId));
            c.pExpire(keys.presenceConnections(userId), deadlineMillis * 2);
            c.zAdd(keys.presenceDeadlines(), now + deadlineMillis, userId.toString(), RedisZSetCommands.ZAddArgs.empty().gt());
            c.publish(keys.presenceEvents(), event);
            return null;
        })));
    }

    public void disconnected(UUID userId, String socketId) {
        local.remove(socketId);
        String event = event("disconnect", userId, socketId, System.currentTimeMillis());
        lane.execute(() -> guard.run(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection c = new DefaultStringRedisConnection(connection);
            c.zRem(keys.presenceConnections(userId), member(socketId));
            c.publish(keys.presenceEvents(), event);
            return null;
        })));
    }

    /** Users who just sent something are active now. */
    public void active(Collection<UUID> userIds) {
        String now = Long.toString(System.currentTimeMillis());
        List<UUID> users = List.copyOf(userIds);
        lane.execute(() -> guard.run(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection c = new DefaultStringRedisConnection(connection);
            for (UUID user : users) {
                c.pSetEx(keys.presenceActive(user), deadlineMillis * 60, now);
            }
            return null;
        })));
    }

    /** Every socket of this node gets a new deadline, in one pipelined batch (a dead node's sockets expire). */
    @Scheduled(fixedDelayString = "${dingus.messages.socket.presence-refresh:20s}")
    public void refresh() {
        if (local.isEmpty()) {
            return;
        }
        long deadline = System.currentTimeMillis() + deadlineMillis;
        Map<UUID, List<String>> byUser = new LinkedHashMap<>();
        local.forEach((socketId, userId) -> byUser.computeIfAbsent(userId, u -> new ArrayList<>()).add(socketId));
        lane.execute(() -> guard.run(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            StringRedisConnection c = new DefaultStringRedisConnection(connection);
            byUser.forEach((userId, sockets) -> {
                for (String socketId : sockets) {
                    c.zAdd(keys.presenceConnections(userId), deadline, member(socketId));
                }
                c.pExpire(keys.presenceConnections(userId), deadlineMillis * 2);
                c.zAdd(keys.presenceDeadlines(), deadline, userId.toString(), RedisZSetCommands.ZAddArgs.empty().gt());
            });
            return null;
        })));
    }

    private String member(String socketId) {
        return nodeId + ":" + socketId;
    }

    private String event(String type, UUID userId, String socketId, long at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("userId", userId.toString());
        body.put("socketId", socketId);
        body.put("nodeId", nodeId);
        body.put("at", at);
        return json.writeValueAsString(body);
    }

    @Override
    public void destroy() {
        lane.shutdown();
    }
}
