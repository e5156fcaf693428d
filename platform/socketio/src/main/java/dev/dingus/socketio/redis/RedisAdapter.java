package dev.dingus.socketio.redis;

import dev.dingus.socketio.Adapter;
import dev.dingus.socketio.Broadcast;
import dev.dingus.socketio.LocalDelivery;
import dev.dingus.socketio.engine.OutboundBatch;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cross-node {@link Adapter}: every broadcast is delivered to this node's sockets at once and
 * published on the Redis channel {@code <prefix>fanout}; every node subscribes to that channel and
 * delivers what other nodes (and {@link RedisEmitter}s) published to its own sockets.
 *
 * <p>Redis being away never stops local delivery: publishing is asynchronous and fails fast while
 * disconnected; the connections come back by themselves (also when Redis was down at start) and
 * the subscription is renewed. Broadcasts made while Redis is away reach this node only.
 * Arguments travel as JSON, so binary arguments arrive on other nodes as base64 strings.
 */
public final class RedisAdapter implements Adapter {

  private static final Logger log = LoggerFactory.getLogger(RedisAdapter.class);

  /** KEYS[1]: the channel; ARGV: the messages, published in order. */
  private static final String PUBLISH_ALL =
      "for i = 1, #ARGV do redis.call('PUBLISH', KEYS[1], ARGV[i]) end return #ARGV";

  private final String channel;
  private final String nodeId = "node-" + UUID.randomUUID();
  /** How this node's own messages start (see {@link FanoutMessage}): they come back on the channel, unread. */
  private final String ownPrefix = "{\"nodeId\":\"" + nodeId + "\"";
  private final ObjectMapper mapper;
  private final RedisClient client;
  private final AtomicLong publishFailures = new AtomicLong();
  private volatile LocalDelivery local;
  private volatile StatefulRedisConnection<String, String> publisher;
  private volatile StatefulRedisPubSubConnection<String, String> subscriber;
  private volatile boolean closed;
  private Thread connector;

  /**
   * @param redisUri e.g. {@code redis://127.0.0.1:6379}
   * @param prefix channel prefix ({@code dingus:} gives the channel {@code dingus:fanout})
   */
  public RedisAdapter(String redisUri, String prefix) {
    this(redisUri, prefix, JsonMapper.builder().build());
  }

  public RedisAdapter(String redisUri, String prefix, ObjectMapper mapper) {
    this.channel = RedisFanout.channel(prefix);
    this.mapper = mapper;
    this.client = RedisFanout.client(redisUri);
  }

  /** This node's id in fan-out messages. */
  public String nodeId() {
    return nodeId;
  }

  /** True while both Redis connections are up. */
  public boolean connected() {
    StatefulRedisConnection<String, String> p = publisher;
    StatefulRedisPubSubConnection<String, String> s = subscriber;
    return p != null && p.isOpen() && s != null && s.isOpen();
  }

  @Override
  public void start(LocalDelivery local) {
    this.local = local;
    connector = Thread.ofVirtual().name("socketio-redis-connect").start(this::connectUntilUp);
  }

  /** First connection, retried with backoff; after it Lettuce reconnects (and resubscribes) by itself. */
  private void connectUntilUp() {
    long delayMs = 100;
    while (!closed) {
      try {
        StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
        sub.addListener(new RedisPubSubAdapter<>() {
          @Override
          public void message(String ch, String message) {
            onMessage(message);
          }
        });
        sub.sync().subscribe(channel);
        StatefulRedisConnection<String, String> pub = client.connect();
        subscriber = sub;
        publisher = pub;
        log.info("Redis fan-out up on channel {} as {}", channel, nodeId);
        if (closed) {
          closeConnections();
        }
        return;
      } catch (RuntimeException e) {
        closeConnections();
        log.warn("Redis fan-out not reachable yet ({}); local delivery goes on, retrying", e.getMessage());
        try {
          Thread.sleep(delayMs);
        } catch (InterruptedException ie) {
          return;
        }
        delayMs = Math.min(delayMs * 2, 5_000);
      }
    }
  }

  @Override
  public void broadcast(Broadcast b) {
    local.deliver(b);
    if (b.localOnly()) {
      return;
    }
    StatefulRedisConnection<String, String> pub = publisher;
    if (pub == null || !pub.isOpen()) {
      countFailure("not connected");
      return;
    }
    String json = RedisFanout.encode(mapper, nodeId, b.rooms(), b.except(), b.namespace(), b.event(), b.args());
    OutboundBatch batch = OutboundBatch.current();
    if (batch != null) {
      batch.attachment(this, ArrayList<String>::new, this::publishAll).add(json);
    } else {
      publishAll(List.of(json));
    }
  }

  /**
   * One command for the whole batch: a script that publishes each message in turn, so subscribers still get one
   * fan-out message per broadcast, in order.
   */
  private void publishAll(List<String> messages) {
    StatefulRedisConnection<String, String> pub = publisher;
    if (pub == null || !pub.isOpen()) {
      countFailure("not connected");
      return;
    }
    RedisFuture<?> sent = messages.size() == 1
        ? pub.async().publish(channel, messages.getFirst())
        : pub.async().eval(PUBLISH_ALL, ScriptOutputType.INTEGER, new String[] {channel},
            messages.toArray(String[]::new));
    sent.exceptionally(t -> {
      countFailure(t.getMessage());
      return null;
    });
  }

  private void countFailure(String why) {
    long n = publishFailures.incrementAndGet();
    if (n == 1 || n % 1000 == 0) {
      log.warn("Redis fan-out publish failed ({}), {} so far; delivered on this node only", why, n);
    }
  }

  private void onMessage(String json) {
    if (json.startsWith(ownPrefix)) {
      return;
    }
    FanoutMessage m;
    try {
      m = mapper.readValue(json, FanoutMessage.class);
    } catch (JacksonException e) {
      log.warn("ignoring a malformed fan-out message on {}", channel);
      return;
    }
    if (nodeId.equals(m.nodeId()) || m.event() == null) {
      return;
    }
    Object[] args;
    JsonNode a = m.args();
    if (a == null || a.isNull()) {
      args = new Object[0];
    } else if (a.isArray()) {
      args = new Object[a.size()];
      for (int i = 0; i < a.size(); i++) {
        args[i] = a.get(i);
      }
    } else {
      args = new Object[] {a};
    }
    try {
      local.deliver(new Broadcast(m.namespace(), new HashSet<>(m.targets()), new HashSet<>(m.except()), m.event(),
          args, true));
    } catch (RuntimeException e) {
      log.warn("could not deliver fan-out event '{}'", m.event(), e);
    }
  }

  @Override
  public void close() {
    closed = true;
    if (connector != null) {
      connector.interrupt();
    }
    closeConnections();
    client.shutdown();
  }

  private void closeConnections() {
    StatefulRedisPubSubConnection<String, String> s = subscriber;
    StatefulRedisConnection<String, String> p = publisher;
    subscriber = null;
    publisher = null;
    if (s != null) {
      s.closeAsync();
    }
    if (p != null) {
      p.closeAsync();
    }
  }
}
