package dev.dingus.socketio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollingPayloadTest {

  @Test
  void joinsPacketsWithTheRecordSeparatorAndBase64ForBinary() {
    byte[] out = PollingPayload.encode(List.of(Frame.text(Frame.MESSAGE, "hello"),
        Frame.binaryMessage(new byte[] {1, 2, 3, 4}), Frame.PING_FRAME));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("4hello\u001ebAQIDBA==\u001e2");
  }

  @Test
  void splitsABodyIntoPackets() {
    List<Frame> frames = PollingPayload.decode("4hé\u001ebAQIDBA==\u001e3".getBytes(StandardCharsets.UTF_8));
    assertThat(frames).hasSize(3);
    assertThat(new String(frames.get(0).data(), StandardCharsets.UTF_8)).isEqualTo("4hé");
    assertThat(frames.get(1).binary()).isTrue();
    assertThat(frames.get(1).data()).containsExactly(1, 2, 3, 4);
    assertThat(frames.get(2).type()).isEqualTo(Frame.PONG);
  }

  @Test
  void refusesMalformedPackets() {
    for (String bad : new String[] {"", "abc", "4a\u001e", "\u001e4a", "b!!!", "9x"}) {
      assertThatThrownBy(() -> PollingPayload.decode(bad.getBytes(StandardCharsets.UTF_8))).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> PollingPayload.decode(new byte[] {'4', (byte) 0xC3}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
