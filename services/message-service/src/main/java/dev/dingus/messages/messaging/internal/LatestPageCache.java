package dev.dingus.messages.messaging.internal;

import dev.dingus.messages.core.MessageView;
import dev.dingus.messages.core.MessagesProperties;
import dev.dingus.messages.core.RedisGuard;
import dev.dingus.messages.core.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each room's latest messages in Redis (a hash: field = seq, value = message JSON, plus {@code top}), so that
 * reading the latest page touches no database. Rules that keep it exact (docs/adr/0009-message-storage.md):
 * <ul>
 * <li>a read is a hit only if every seq from {@code top} down to the page's first is present; anything less
 *     is a miss answered from PostgreSQL, which then fills the cache;</li>
 * <li>appends never overwrite ({@code HSETNX}); edits and deletes overwrite only a cached entry and bump a
 *     version; a fill writes only if the version did not move since before its database read, and never
 *     overwrites — so a fill cannot put back an old text;</li>
 * <li>new messages are in the cache before they are broadcast, so a socket that joins a room after a
 *     broadcast finds them in the page it is given;</li>
 * <li>a room whose cache write failed (Redis away) is read from PostgreSQL on this node until its cache was
 *     dropped after Redis returned.</li>
 * </ul>
 */
@Component
public class LatestPageCache {
    private static final Logger log = LoggerFactory.getLogger(LatestPageCache.class);
    private static final String TOP = "top";

    /**
     * Appends to every room of a batch in one script (one round trip on the shared connection; pipelining would
     * open a connection of its own each time). KEYS: the rooms' pages; ARGV: ttl, cap, then per room its count n
     * followed by n (seq, message JSON) pairs.
     */
    private static final RedisScript<Long> APPEND = RedisScript.of("""
            local cap = tonumber(ARGV[2])
            local a = 3
            for k = 1, #KEYS do
              local key = KEYS[k]
              local n = tonumber(ARGV[a])
              a = a + 1
              local top = tonumber(redis.call('HGET', key, 'top') or '0')
              for i = 1, n do
                redis.call('HSETNX', key, ARGV[a], ARGV[a + 1])
                local s = tonumber(ARGV[a])
                if s > top then top = s end
                a = a + 2
              end
              redis.call('HSET', key, 'top', top)
              if redis.call('HLEN', key) > cap + cap / 2 + 1 then
                for _, f in ipairs(redis.call('HKEYS', key)) do
                  if f ~= 'top' and tonumber(f) <= top - cap then redis.call('HDEL', key, f) end
                end
              end
              redis.call('PEXPIRE', key, ARGV[1])
            end
            return #KEYS""", Long.class);

    private static final RedisScript<Long> REPLACE = RedisScript.of("""
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            if redis.call('HEXISTS', KEYS[1], ARGV[2]) == 1 then
              redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
              return 1
            end
            return 0""", Long.class);

    /** Forgets a room's page and moves its version on, so that no fill begun before can write afterwards. */
    private static final RedisScript<Long> DROP = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            return 1""", Long.class);

    private static final RedisScript<Long> FILL = RedisScript.of("""
            local v = redis.call('GET', KEYS[2]) or '0'
            if v ~= ARGV[1] then return 0 end
            local top = tonumber(redis.call('HGET', KEYS[1], 'top') or '0')
            local dbTop = tonumber(ARGV[3])
            for i = 4, #ARGV, 2 do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]) end
            if dbTop > top then top = dbTop end
            redis.call('HSET', KEYS[1], 'top', top)
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1""", Long.class);

    /**
     * The backstop for after-commit writes that never happened (see {@link #repair}). KEYS: per room its page, then
     * its version. ARGV: ttl, then per room the highest seq created (0: none), a count m, and m (seq, text) pairs:
     * a cached entry that lacks its text is stale. The texts are JSON members such as {@code "deleted":true}; inside
     * a JSON string every quote is escaped, so a message's own words can never match them.
     */
    private static final RedisScript<Long> REPAIR = RedisScript.of("""
            local dropped = 0
            local a = 2
            for k = 1, #KEYS, 2 do
              local page, version = KEYS[k], KEYS[k + 1]
              local created = tonumber(ARGV[a])
              local m = tonumber(ARGV[a + 1])
              a = a + 2
              local top = redis.call('HGET', page, 'top')
              local stale = created > 0 and (not top or tonumber(top) < created)
              for i = 1, m do
                if not stale then
                  local entry = redis.call('HGET', page, ARGV[a])
                  if entry and not string.find(entry, ARGV[a + 1], 1, true) then stale = true end
                end
                a = a + 2
              end
              if stale then
                redis.call('DEL', page)
                redis.call('INCR', version)
                redis.call('PEXPIRE', version, ARGV[1])
                dropped = dropped + 1
              end
            end
            return dropped""", Long.class);

    /**
     * The newest {@code ARGV[1]} entries up to {@code top}, in one round trip and without the rest of the hash:
     * {top, entry...} when every one of them is present, else an empty list (a miss; a nil reply would reach us
     * as a list holding one null).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<byte[]>> READ = (RedisScript) RedisScript.of("""
            local top = redis.call('HGET', KEYS[1], 'top')
            if not top then return {} end
            local last = tonumber(top)
            local fields = {}
            for s = math.max(1, last - tonumber(ARGV[1]) + 1), last do fields[#fields + 1] = string.format('%d', s) end
            if #fields == 0 then return {top} end
            local values = redis.call('HMGET', KEYS[1], unpack(fields))
            for i = 1, #values do
              if not values[i] then return {} end
            end
            table.insert(values, 1, top)
            return values""", List.class);
    /** Each entry of a list reply is kept as the bytes Redis holds (the template applies it element by element). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisSerializer<List<byte[]>> RAW_ENTRIES = (RedisSerializer) RedisSerializer.byteArray();

    /** A new message for {@link #append}: its seq and its JSON (the same bytes its broadcast carries). */
    public record Encoded(long seq, String json) {}

    /** A page read from the cache; {@code hasMore}: older messages exist. */
    public record Page(List<MessageView> messages, boolean hasMore, long top) {}

    /** A page read from the cache, each message as its stored JSON (UTF-8). */
    public record JsonPage(List<byte[]> messages, boolean hasMore, long top) {}

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final RedisKeys keys;
    private final JsonMapper json;
    private final int pageSize;
    private final String ttlMillis;
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();

    LatestPageCache(StringRedisTemplate redis, RedisGuard guard, RedisKeys keys, JsonMapper json, MessagesProperties props) {
        this.redis = redis;
        this.guard = guard;
        this.keys = keys;
        this.json = json;
        this.pageSize = props.cache().pageSize();
        this.ttlMillis = Long.toString(props.cache().ttl().toMillis());
        guard.onRecovered(this::dropDirtyRooms);
    }

    /** The messages one page can hold at most; fills load this many. */
    public int pageSize() {
        return pageSize;
    }

    /** The latest {@code limit} messages when the cache holds all of them, else empty. */
    public Optional<Page> read(UUID roomId, int limit) {
        return readJson(roomId, limit).map(raw -> new Page(
                raw.messages().stream().map(m -> json.readValue(m, MessageView.class)).toList(), raw.hasMore(), raw.top()));
    }

    /**
     * As {@link #read}, but each message as the JSON stored for it (exactly what {@link MessageView} serializes
     * to), so that an HTTP answer can be written without parsing and serializing every message again.
     */
    public Optional<JsonPage> readJson(UUID roomId, int limit) {
        if (dirty.contains(roomId)) {
            return Optional.empty();
        }
        List<byte[]> reply = guard.call(() -> redis.execute(READ, RedisSerializer.string(), RAW_ENTRIES,
                List.of(keys.latestPage(roomId)), Integer.toString(limit)), () -> null);
        if (reply == null || reply.isEmpty()) {
            return Optional.empty();
        }
        long top = Long.parseLong(new String(reply.getFirst(), StandardCharsets.US_ASCII));
        List<byte[]> page = reply.subList(1, reply.size());
        return Optional.of(new JsonPage(page, top - page.size() > 0, top));
    }

    /** The version to hand to {@link #fill} (read before the database is); null when Redis is away. */
    public String versionForFill(UUID roomId) {
        if (dirty.contains(roomId)) {
            return null;
        }
        return guard.call(() -> {
            String v = redis.opsForValue().get(keys.latestPageVersion(roomId));
            return v == null ? "0" : v;
        }, () -> null);
    }

    /** Stores what PostgreSQL answered for the latest page (the newest {@link #pageSize} messages, ascending). */
    public void fill(UUID roomId, String version, List<MessageView> latest, long dbTop) {
        if (version == null) {
            return;
        }
        List<String> args = new ArrayList<>(3 + latest.size() * 2);
        args.add(version);
        args.add(ttlMillis);
        args.add(Long.toString(dbTop));
        for (MessageView m : latest) {
            args.add(Long.toString(m.seq()));
            args.add(json.writeValueAsString(m));
        }
        guard.run(() -> redis.execute(FILL, List.of(keys.latestPage(roomId), keys.latestPageVersion(roomId)), args.toArray()));
    }

    /** New messages (ascending per room) after their commit, all rooms in one round trip. */
    public void append(Map<UUID, List<Encoded>> byRoom) {
        List<String> roomKeys = new ArrayList<>(byRoom.size());
        List<String> args = new ArrayList<>(2 + byRoom.size() + 2 * byRoom.values().stream().mapToInt(List::size).sum());
        args.add(ttlMillis);
        args.add(Integer.toString(pageSize));
        byRoom.forEach((roomId, messages) -> {
            roomKeys.add(keys.latestPage(roomId));
            args.add(Integer.toString(messages.size()));
            for (Encoded m : messages) {
                args.add(Long.toString(m.seq()));
                args.add(m.json());
            }
        });
        if (!guard.run(() -> redis.execute(APPEND, roomKeys, args.toArray()))) {
            dirty.addAll(byRoom.keySet());
        }
    }

    /**
     * What the outbox relay saw committed in one room: the highest seq created (0: none), and for each seq edited or
     * deleted a JSON member its cached entry must contain to be current ({@code "deleted":true}, say).
     */
    public record Committed(long createdTop, Map<Long, String> currentEntries) {}

    /**
     * The backstop of {@link #append} and {@link #replace}. Those run right after the commit, on the node that
     * committed; a node that died in between leaves a page that still looks whole but ends before the newest
     * messages, or still shows an edited or deleted text, until it expires. Every commit also reaches the outbox
     * relay, on whichever node, which calls this: a page that falls short of what was committed is dropped, with
     * its version moved on so that no fill that read the database before the commit can write it back. Normally
     * the node's own append came first and no page of new messages is dropped; a page holding an edited or deleted
     * message it already shows is kept too.
     */
    public void repair(Map<UUID, Committed> byRoom) {
        if (byRoom.isEmpty()) {
            return;
        }
        List<String> roomKeys = new ArrayList<>(byRoom.size() * 2);
        List<String> args = new ArrayList<>();
        args.add(ttlMillis);
        byRoom.forEach((roomId, committed) -> {
            roomKeys.add(keys.latestPage(roomId));
            roomKeys.add(keys.latestPageVersion(roomId));
            args.add(Long.toString(committed.createdTop()));
            args.add(Integer.toString(committed.currentEntries().size()));
            committed.currentEntries().forEach((seq, text) -> {
                args.add(Long.toString(seq));
                args.add(text);
            });
        });
        if (!guard.run(() -> redis.execute(REPAIR, roomKeys, args.toArray()))) {
            dirty.addAll(byRoom.keySet());
        }
    }

    /** An edited or deleted message, after its commit. */
    public void replace(MessageView message) {
        UUID roomId = message.roomId();
        write(roomId, () -> redis.execute(REPLACE, List.of(keys.latestPage(roomId), keys.latestPageVersion(roomId)),
                ttlMillis, Long.toString(message.seq()), json.writeValueAsString(message)));
    }

    /** Forgets a room (deleted). */
    public void drop(UUID roomId) {
        write(roomId, () -> dropNow(roomId));
    }

    private void write(UUID roomId, Runnable command) {
        if (!guard.run(command)) {
            dirty.add(roomId);
        }
    }

    /** After an outage: the entries of rooms written meanwhile may be stale, so they go (PostgreSQL refills them). */
    private void dropDirtyRooms() {
        for (UUID roomId : Set.copyOf(dirty)) {
            dropNow(roomId);
            dirty.remove(roomId);
        }
        log.info("Latest-page cache repaired after the Redis outage");
    }

    private void dropNow(UUID roomId) {
        redis.execute(DROP, List.of(keys.latestPage(roomId), keys.latestPageVersion(roomId)), ttlMillis);
    }

}
