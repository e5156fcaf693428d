package dev.dingus.socketio.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** Engine.IO v4 polling payloads: packets joined by the record separator {@code 0x1e}. */
final class PollingPayload {
  static final byte SEPARATOR = 0x1e;

  private PollingPayload() {}

  /** Encodes frames for a GET response; binary frames as {@code b<base64>}. */
  static byte[] encode(List<Frame> frames) {
    if (frames.size() == 1 && !frames.getFirst().binary()) {
      return frames.getFirst().data();
    }
    Base64.Encoder b64 = Base64.getEncoder();
    List<byte[]> parts = new ArrayList<>(frames.size());
    int size = frames.size() - 1;
    for (Frame f : frames) {
      byte[] part = f.binary() ? b64.encode(f.data()) : f.data();
      parts.add(part);
      size += part.length + (f.binary() ? 1 : 0);
    }
    byte[] out = new byte[size];
    int pos = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out[pos++] = SEPARATOR;
      }
      if (frames.get(i).binary()) {
        out[pos++] = 'b';
      }
      byte[] part = parts.get(i);
      System.arraycopy(part, 0, out, pos, part.length);
      pos += part.length;
    }
    return out;
  }

  /** Decodes a POST body; throws {@link IllegalArgumentException} on a malformed packet. */
  static List<Frame> decode(byte[] body) {
    List<Frame> frames = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == SEPARATOR) {
        frames.add(decodePacket(body, start, i));
        start = i + 1;
      }
    }
    return frames;
  }

  private static Frame decodePacket(byte[] body, int from, int to) {
    if (to <= from) {
      throw new IllegalArgumentException("empty packet");
    }
    byte type = body[from];
    if (type == 'b') {
      return Frame.binaryMessage(Base64.getDecoder().decode(Arrays.copyOfRange(body, from + 1, to)));
    }
    if (type < '0' || type > '6') {
      throw new IllegalArgumentException("unknown packet type");
    }
    byte[] data = Arrays.copyOfRange(body, from, to);
    if (!isUtf8(data)) {
      throw new IllegalArgumentException("invalid UTF-8");
    }
    return Frame.textBytes(data);
  }

  private static boolean isUtf8(byte[] data) {
    for (byte b : data) {
      if (b < 0) {
        try {
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data));
          return true;
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }
}
