package dev.dingus.socketio.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.util.RawValue;

/** What the adapter and the emitter share: the channel name, client options and message encoding. */
final class RedisFanout {

  static final String DEFAULT_PREFIX = "dingus:";

  private RedisFanout() {}

  static String channel(String prefix) {
    return (prefix == null ? DEFAULT_PREFIX : prefix) + "fanout";
  }

  /**
   * A client that reconnects by itself and, while Redis is away, fails publishes at once instead of
   * queueing them without bound: local delivery never waits for Redis.
   */
  static RedisClient client(String redisUri) {
    RedisClient client = RedisClient.create(RedisURI.create(redisUri));
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(2)).build())
        .build());
    return client;
  }

  static String encode(ObjectMapper mapper, String nodeId, Collection<String> targets, Collection<String> except,
      String namespace, String event, Object[] args) {
    ArrayNode argNodes = mapper.createArrayNode();
    for (Object a : args) {
      if (a instanceof RawValue raw) {
        argNodes.addRawValue(raw); // already JSON (encoded once by the caller for every use)
      } else {
        argNodes.add(a instanceof JsonNode n ? n : mapper.valueToTree(a));
      }
    }
    return mapper.writeValueAsString(new FanoutMessage(nodeId, List.copyOf(targets), List.copyOf(except), event,
        argNodes, "/".equals(namespace) ? null : namespace));
  }
}
