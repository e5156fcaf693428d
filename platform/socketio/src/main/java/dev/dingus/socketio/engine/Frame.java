package dev.dingus.socketio.engine;

import java.nio.charset.StandardCharsets;

/**
 * One Engine.IO packet as it travels on a transport, already encoded.
 *
 * <p>A text frame holds the UTF-8 bytes of {@code <packet type><data>} (for example {@code 4hello});
 * a binary frame holds the raw bytes of a binary {@code message} packet (Engine.IO v4 has no type
 * byte for binary over WebSocket, and polling sends it as {@code b<base64>}). Frames are immutable
 * once built, so one frame can be written to many sessions: that is how a broadcast is encoded
 * once and not once per receiver.
 */
public record Frame(boolean binary, byte[] data) {

  public static final char OPEN = '0';
  public static final char CLOSE = '1';
  public static final char PING = '2';
  public static final char PONG = '3';
  public static final char MESSAGE = '4';
  public static final char UPGRADE = '5';
  public static final char NOOP = '6';

  static final Frame PING_FRAME = control(PING);
  static final Frame NOOP_FRAME = control(NOOP);
  static final Frame CLOSE_FRAME = control(CLOSE);

  /** A text frame of the given packet type with optional data. */
  public static Frame text(char type, String data) {
    String s = data == null || data.isEmpty() ? String.valueOf(type) : type + data;
    return new Frame(false, s.getBytes(StandardCharsets.UTF_8));
  }

  /** A text frame whose bytes already start with the packet type. */
  public static Frame textBytes(byte[] utf8WithType) {
    return new Frame(false, utf8WithType);
  }

  /** A binary {@code message} frame. */
  public static Frame binaryMessage(byte[] bytes) {
    return new Frame(true, bytes);
  }

  private static Frame control(char type) {
    return new Frame(false, new byte[] {(byte) type});
  }

  /** The Engine.IO packet type, {@code 4} (message) for binary frames. */
  public char type() {
    return binary ? MESSAGE : (char) data[0];
  }
}
