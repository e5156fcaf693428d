package dev.dingus.socketio.protocol;

import dev.dingus.socketio.engine.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.core.util.JsonGeneratorDelegate;
import tools.jackson.databind.ObjectMapper;

/**
 * Encodes outbound Socket.IO v5 packets (default parser format). Thread-safe.
 *
 * <p>Arguments are any values Jackson can serialize. Binary values ({@code byte[]},
 * {@link java.nio.ByteBuffer}, binary JSON nodes) become {@code {"_placeholder":true,"num":n}}
 * in the JSON and travel as separate binary frames, numbered in the order they are met; the
 * packet type then turns into {@code BINARY_EVENT}/{@code BINARY_ACK}.
 */
public final class PacketEncoder {

  private final ObjectMapper mapper;

  public PacketEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** {@code EVENT} with the event name as first element; {@code ackId < 0} asks for no ack. */
  public EncodedPacket event(String namespace, String event, Object[] args, long ackId) {
    Object[] data = new Object[1 + (args == null ? 0 : args.length)];
    data[0] = event;
    if (args != null) {
      System.arraycopy(args, 0, data, 1, args.length);
    }
    return encode(PacketType.EVENT, namespace, ackId, data);
  }

  /** {@code ACK} answering the client's event {@code ackId}. */
  public EncodedPacket ack(String namespace, long ackId, Object[] args) {
    return encode(PacketType.ACK, namespace, ackId, args == null ? new Object[0] : args);
  }

  /** {@code CONNECT} reply carrying the socket id. */
  public EncodedPacket connect(String namespace, String socketId) {
    return encode(PacketType.CONNECT, namespace, -1, Map.of("sid", socketId));
  }

  /** {@code CONNECT_ERROR} with {@code {message, data}}; {@code data} is left out when null. */
  public EncodedPacket connectError(String namespace, String message, Object data) {
    Map<String, Object> payload = data == null ? Map.of("message", message) : orderedError(message, data);
    return encode(PacketType.CONNECT_ERROR, namespace, -1, payload);
  }

  /** {@code DISCONNECT} of a namespace. */
  public EncodedPacket disconnect(String namespace) {
    return encode(PacketType.DISCONNECT, namespace, -1, null);
  }

  private static Map<String, Object> orderedError(String message, Object data) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("message", message);
    m.put("data", data);
    return m;
  }

  private EncodedPacket encode(PacketType type, String namespace, long ackId, Object payload) {
    List<byte[]> attachments = new ArrayList<>(0);
    byte[] body = payload == null ? new byte[0] : serialize(payload, attachments);
    PacketType wireType = type;
    if (!attachments.isEmpty()) {
      wireType = type == PacketType.ACK ? PacketType.BINARY_ACK : PacketType.BINARY_EVENT;
    }
    StringBuilder header = new StringBuilder(24);
    header.append(Frame.MESSAGE).append(wireType.wire());
    if (!attachments.isEmpty()) {
      header.append(attachments.size()).append('-');
    }
    if (namespace != null && !"/".equals(namespace)) {
      header.append(namespace).append(',');
    }
    if (ackId >= 0) {
      header.append(ackId);
    }
    byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
    byte[] text = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, text, head.length, body.length);
    List<Frame> frames = new ArrayList<>(1 + attachments.size());
    frames.add(Frame.textBytes(text));
    for (byte[] a : attachments) {
      frames.add(Frame.binaryMessage(a));
    }
    return new EncodedPacket(frames);
  }

  private byte[] serialize(Object payload, List<byte[]> attachments) {
    ByteArrayBuilder out = new ByteArrayBuilder(128);
    try (JsonGenerator gen = new AttachmentCollector(mapper.createGenerator(out), attachments)) {
      mapper.writeValue(gen, payload);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("argument cannot be serialized to JSON: " + e.getOriginalMessage(), e);
    }
    return out.toByteArray();
  }

  /** Writes binary values as placeholders and keeps their bytes as attachments. */
  private static final class AttachmentCollector extends JsonGeneratorDelegate {
    private final List<byte[]> attachments;

    AttachmentCollector(JsonGenerator delegate, List<byte[]> attachments) {
      super(delegate, false);
      this.attachments = attachments;
    }

    @Override
    public JsonGenerator writeBinary(Base64Variant variant, byte[] data, int offset, int len) {
      attachments.add(Arrays.copyOfRange(data, offset, offset + len));
      return placeholder();
    }

    @Override
    public int writeBinary(Base64Variant variant, InputStream data, int dataLength) {
      try {
        byte[] bytes = dataLength < 0 ? data.readAllBytes() : data.readNBytes(dataLength);
        attachments.add(bytes);
        placeholder();
        return bytes.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private JsonGenerator placeholder() {
      delegate.writeStartObject();
      delegate.writeName("_placeholder");
      delegate.writeBoolean(true);
      delegate.writeName("num");
      delegate.writeNumber(attachments.size() - 1);
      delegate.writeEndObject();
      return this;
    }
  }
}
