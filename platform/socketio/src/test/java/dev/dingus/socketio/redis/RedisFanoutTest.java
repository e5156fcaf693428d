package dev.dingus.socketio.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** The fan-out message as it goes on the channel. */
class RedisFanoutTest {

  /** Alphabetical order would put "args" first; the adapter relies on nodeId leading to skip its own messages. */
  @Test
  void theNodeIdLeadsEveryMessageAndTheRestReadsBack() {
    JsonMapper mapper = JsonMapper.builder().build();
    String json = RedisFanout.encode(mapper, "node-1", List.of("room:a"), List.of("sock"), "/", "new_message",
        new Object[] {Map.of("nodeId", "node-2", "text", "hi")});
    assertThat(json).startsWith("{\"nodeId\":\"node-1\"");

    FanoutMessage m = mapper.readValue(json, FanoutMessage.class);
    assertThat(m.nodeId()).isEqualTo("node-1");
    assertThat(m.targets()).containsExactly("room:a");
    assertThat(m.except()).containsExactly("sock");
    assertThat(m.event()).isEqualTo("new_message");
    assertThat(m.namespace()).isEqualTo("/");
    assertThat(m.args().get(0).get("text").asString()).isEqualTo("hi");
  }

  /** An argument encoded once by the caller travels as it is. */
  @Test
  void aRawJsonArgumentIsCarriedUnchanged() {
    JsonMapper mapper = JsonMapper.builder().build();
    String json = RedisFanout.encode(mapper, "node-1", List.of("room:a"), List.of(), "/", "new_message",
        new Object[] {new RawValue("{\"seq\":7,\"content\":\"a \\\"quote\\\"\"}")});
    assertThat(json).contains("\"args\":[{\"seq\":7,\"content\":\"a \\\"quote\\\"\"}]");
    FanoutMessage m = mapper.readValue(json, FanoutMessage.class);
    assertThat(m.args().get(0).get("seq").asLong()).isEqualTo(7);
    assertThat(m.args().get(0).get("content").asString()).isEqualTo("a \"quote\"");
  }
}
