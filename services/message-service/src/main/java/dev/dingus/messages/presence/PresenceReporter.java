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
import org.springframework.data.redis.core.script.RedisScript;
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
    // Scripts, not pipelines: a pipeline takes a Redis connection of its own each time (a new one, as there is no
    // pool), which cost more than the commands themselves at a connect storm or per batch of sends.
    /** KEYS: the user's connections, the deadlines; ARGV: deadline, member, ttl, user id, channel, event. */
    private static final RedisScript<Long> CONNECT = RedisScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('ZADD', KEYS[2], 'GT', ARGV[1], ARGV[4])
            redis.call('PUBLISH', ARGV[5], ARGV[6])
            return 1""", Long.class);
    /** KEYS: the user's connections; ARGV: member, channel, event. */
    private static final RedisScript<Long> DISCONNECT = RedisScript.of("""
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('PUBLISH', ARGV[2], ARGV[3])
            return 1""", Long.class);
    /** KEYS: the users' activity keys; ARGV: ttl, time. */
    private static final RedisScript<Long> ACTIVE = RedisScript.of("""
            for i = 1, #KEYS do redis.call('PSETEX', KEYS[i], ARGV[1], ARGV[2]) end
            return #KEYS""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final String nodeId;
    private final long deadlineMillis;
    /** How stale a reported last activity may be (presence-service's idle-after is minutes). */
    static final long ACTIVITY_RESOLUTION_MILLIS = 10_000;

    /** userId → when its activity was last written, for {@link #active}; pruned with each refresh. */
    private final Map<UUID, Long> lastMarked = new ConcurrentHashMap<>();
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
        lane.execute(() -> guard.run(() -> redis.execute(CONNECT,
                List.of(keys.presenceConnections(userId), keys.presenceDeadlines()), Long.toString(now + deadlineMillis),
                member(socketId), Long.toString(deadlineMillis * 2), userId.toString(), keys.presenceEvents(), event)));
    }

    public void disconnected(UUID userId, String socketId) {
        local.remove(socketId);
        String event = event("disconnect", userId, socketId, System.currentTimeMillis());
        lane.execute(() -> guard.run(() -> redis.execute(DISCONNECT, List.of(keys.presenceConnections(userId)),
                member(socketId), keys.presenceEvents(), event)));
    }

    /**
     * Users who just sent something are active now. A user already marked within {@link #ACTIVITY_RESOLUTION_MILLIS}
     * is not marked again: presence-service only asks whether the last activity is older than minutes (idle-after),
     * and a busy sender would otherwise cost a Redis write with every batch.
     */
    public void active(Collection<UUID> userIds) {
        long nowMillis = System.currentTimeMillis();
        List<String> activityKeys = new ArrayList<>(userIds.size());
        for (UUID userId : userIds) {
            Long last = lastMarked.get(userId);
            if (last == null || nowMillis - last >= ACTIVITY_RESOLUTION_MILLIS) {
                lastMarked.put(userId, nowMillis);
                activityKeys.add(keys.presenceActive(userId));
            }
        }
        if (activityKeys.isEmpty()) {
            return;
        }
        String now = Long.toString(nowMillis);
        lane.execute(() -> guard.run(() -> redis.execute(ACTIVE, activityKeys, Long.toString(deadlineMillis * 60), now)));
    }

    /**
     * Every socket of this node gets a new deadline, in one pipelined batch (a dead node's sockets expire); a
     * pipeline's own connection is fine once per refresh period.
     */
    @Scheduled(fixedDelayString = "${dingus.messages.socket.presence-refresh:20s}")
    public void refresh() {
        long stale = System.currentTimeMillis() - ACTIVITY_RESOLUTION_MILLIS;
        lastMarked.values().removeIf(at -> at < stale);
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
