package dev.dingus.socketio.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events to sockets from a service that holds none (presence, notifications): the
 * message goes on {@code <prefix>fanout} and every Socket.IO node with a {@link RedisAdapter}
 * delivers it to its local sockets in the target rooms.
 *
 * <pre>{@code
 * try (RedisEmitter emitter = new RedisEmitter("redis://127.0.0.1:6379", "dingus:")) {
 *   emitter.to("user:42").emit("notification", Map.of("id", 7));
 * }
 * }</pre>
 *
 * Thread-safe. Connects lazily and reconnects by itself; an emit while Redis is away fails its
 * future at once (nothing is queued).
 */
public final class RedisEmitter implements AutoCloseable {

  private final String channel;
  private final String nodeId = "emitter-" + UUID.randomUUID();
  private final ObjectMapper mapper;
  private final RedisClient client;
  private volatile StatefulRedisConnection<String, String> connection;

  public RedisEmitter(String redisUri, String prefix) {
    this(redisUri, prefix, JsonMapper.builder().build());
  }

  public RedisEmitter(String redisUri, String prefix, ObjectMapper mapper) {
    this.channel = RedisFanout.channel(prefix);
    this.mapper = mapper;
    this.client = RedisFanout.client(redisUri);
  }

  /** Targets rooms ({@code room:<id>}, {@code user:<id>} or any room name) of the main namespace. */
  public Operator to(String... rooms) {
    return new Operator("/", Set.of(rooms), Set.of());
  }

  /** Targets a namespace; chain {@link Operator#to} to pick rooms, or emit to all of it. */
  public Operator namespace(String namespace) {
    return new Operator(namespace, Set.of(), Set.of());
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
    client.shutdown();
  }

  private CompletableFuture<Long> publish(String json) {
    try {
      return connection().async().publish(channel, json).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    StatefulRedisConnection<String, String> c = connection;
    if (c == null) {
      synchronized (this) {
        if (connection == null) {
          connection = client.connect();
        }
        c = connection;
      }
    }
    return c;
  }

  /** Immutable selection of receivers. */
  public final class Operator {
    private final String namespace;
    private final Set<String> rooms;
    private final Set<String> except;

    private Operator(String namespace, Set<String> rooms, Set<String> except) {
      this.namespace = namespace;
      this.rooms = Set.copyOf(rooms);
      this.except = Set.copyOf(except);
    }

    public Operator to(String... more) {
      Set<String> s = new HashSet<>(rooms);
      s.addAll(List.of(more));
      return new Operator(namespace, s, except);
    }

    /** Leaves out sockets in these rooms or with these ids. */
    public Operator except(String... roomsOrSocketIds) {
      Set<String> s = new HashSet<>(except);
      s.addAll(List.of(roomsOrSocketIds));
      return new Operator(namespace, rooms, s);
    }

    /**
     * Publishes the event.
     *
     * @return completes with the number of nodes that received it, or fails when Redis is away
     */
    public CompletableFuture<Long> emit(String event, Object... args) {
      return publish(RedisFanout.encode(mapper, nodeId, rooms, except, namespace, event, args == null
          ? new Object[0] : args));
    }
  }
}
