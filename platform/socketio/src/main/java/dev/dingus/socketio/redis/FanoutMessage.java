package dev.dingus.socketio.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The message on the Redis channel {@code <prefix>fanout} (ARCHITECTURE §6):
 * {@code {"nodeId", "targets": ["room:<id>" | "user:<id>" | any room], "except": [socket ids or rooms],
 * "event", "args": [...]}}. {@code targets} empty means the whole namespace. {@code nsp} is only
 * present for a namespace other than {@code "/"}. A node ignores messages carrying its own nodeId; nodeId is
 * written first, so that a node recognizes its own messages without parsing them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"nodeId", "targets", "except", "event", "args", "nsp"})
public record FanoutMessage(String nodeId, List<String> targets, List<String> except, String event, JsonNode args,
    String nsp) {

  public FanoutMessage {
    targets = targets == null ? List.of() : List.copyOf(targets);
    except = except == null ? List.of() : List.copyOf(except);
  }

  /** The namespace, {@code "/"} when the message names none. */
  public String namespace() {
    return nsp == null || nsp.isEmpty() ? "/" : nsp;
  }
}
