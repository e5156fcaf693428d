package dev.dingus.socketio.protocol;

import dev.dingus.socketio.engine.Frame;
import java.util.List;

/**
 * A Socket.IO packet encoded once into Engine.IO frames: the text frame ({@code 4...}) followed by
 * one binary frame per attachment. Immutable, so it is shared by every receiver of a broadcast.
 */
public record EncodedPacket(List<Frame> frames) {
  public EncodedPacket {
    frames = List.copyOf(frames);
  }

  /** The Socket.IO text of the packet (without the Engine.IO {@code 4}); handy in tests and logs. */
  public String text() {
    byte[] data = frames.getFirst().data();
    return new String(data, 1, data.length - 1, java.nio.charset.StandardCharsets.UTF_8);
  }
}
