package dev.dingus.socketio.protocol;

import dev.dingus.socketio.engine.EngineConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BinaryNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes Socket.IO v5 packets of one connection (the default parser's format).
 *
 * <p>Stateful: a {@code BINARY_EVENT}/{@code BINARY_ACK} header is held until its attachments
 * have arrived as binary Engine.IO messages. Not thread-safe; one instance per connection, used
 * from one thread at a time.
 */
public final class PacketDecoder {

  /** Event names a client may not emit (they are reserved by the client and server APIs). */
  static final Set<String> RESERVED_EVENTS =
      Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  /**
   * Attachments of one packet at most. They are held until the last one arrives, before anything looked at the
   * client (it may not even have joined a namespace yet); legitimate packets carry a few.
   */
  static final int MAX_ATTACHMENTS = 100;

  private final ObjectReader reader;
  private final int maxAttachmentBytes;
  private Packet pending;
  private int expectedAttachments;
  private List<byte[]> attachments;
  private long attachmentBytes;

  /** With the attachments of one packet bounded by the server's default maximum payload. */
  public PacketDecoder(ObjectMapper mapper) {
    this(mapper, EngineConfig.defaults().maxPayload());
  }

  /**
   * @param maxAttachmentBytes what the attachments of one packet may add up to: the server's maximum payload, so that
   *     a binary packet holds no more than one text packet may (each attachment is a message of its own, otherwise
   *     bounded only one by one)
   */
  public PacketDecoder(ObjectMapper mapper, int maxAttachmentBytes) {
    this.reader = mapper.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.maxAttachmentBytes = maxAttachmentBytes;
  }

  /** True while binary attachments of a packet are still expected. */
  public boolean awaitingAttachments() {
    return pending != null;
  }

  /**
   * Decodes the text of an Engine.IO {@code message} packet (without the leading {@code 4}).
   *
   * @return the packet, or {@code null} when it waits for binary attachments
   */
  public Packet decodeText(String s) throws ProtocolException {
    if (pending != null) {
      throw new ProtocolException("text packet while waiting for binary attachments");
    }
    if (s.isEmpty()) {
      throw new ProtocolException("empty packet");
    }
    PacketType type = PacketType.ofWire(s.charAt(0));
    if (type == null) {
      throw new ProtocolException("unknown packet type");
    }
    int i = 1;
    int attachmentCount = 0;
    if (type == PacketType.BINARY_EVENT || type == PacketType.BINARY_ACK) {
      int dash = s.indexOf('-', i);
      if (dash < 0 || dash == i || dash - i > 4) {
        throw new ProtocolException("illegal attachments");
      }
      for (int j = i; j < dash; j++) {
        if (!isDigit(s.charAt(j))) {
          throw new ProtocolException("illegal attachments");
        }
      }
      attachmentCount = Integer.parseInt(s, i, dash, 10);
      if (attachmentCount > MAX_ATTACHMENTS) {
        throw new ProtocolException("too many attachments");
      }
      i = dash + 1;
    }
    String namespace = "/";
    if (i < s.length() && s.charAt(i) == '/') {
      int comma = s.indexOf(',', i);
      int end = comma < 0 ? s.length() : comma;
      namespace = s.substring(i, end);
      i = comma < 0 ? end : comma + 1;
    }
    long ackId = -1;
    int digitsStart = i;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    if (i > digitsStart) {
      if (i - digitsStart > 15) {
        throw new ProtocolException("invalid ack id");
      }
      ackId = Long.parseLong(s, digitsStart, i, 10);
    }
    JsonNode data = null;
    if (i < s.length()) {
      try {
        data = reader.readValue(s.substring(i));
      } catch (JacksonException e) {
        throw new ProtocolException("invalid payload");
      }
    }
    validate(type, data, ackId);
    Packet packet = new Packet(type, namespace, ackId, data);
    if (attachmentCount == 0) {
      return plain(packet);
    }
    pending = packet;
    expectedAttachments = attachmentCount;
    attachments = new ArrayList<>(attachmentCount);
    attachmentBytes = 0;
    return null;
  }

  /**
   * Adds a binary attachment to the pending packet.
   *
   * @return the complete packet once its last attachment arrived, otherwise {@code null}
   */
  public Packet addAttachment(byte[] bytes) throws ProtocolException {
    if (pending == null) {
      throw new ProtocolException("unexpected binary attachment");
    }
    attachmentBytes += bytes.length;
    if (attachmentBytes > maxAttachmentBytes) {
      // The session closes; what it held goes now, not when the close has run.
      pending = null;
      attachments = null;
      throw new ProtocolException("attachments too large");
    }
    attachments.add(bytes);
    if (attachments.size() < expectedAttachments) {
      return null;
    }
    Packet p = pending;
    List<byte[]> parts = attachments;
    pending = null;
    attachments = null;
    JsonNode data = replacePlaceholders(p.data(), parts);
    PacketType type = p.type() == PacketType.BINARY_EVENT ? PacketType.EVENT : PacketType.ACK;
    return new Packet(type, p.namespace(), p.ackId(), data);
  }

  private static Packet plain(Packet p) {
    // A binary type with zero attachments is legal on the wire; callers only see EVENT/ACK.
    return switch (p.type()) {
      case BINARY_EVENT -> new Packet(PacketType.EVENT, p.namespace(), p.ackId(), p.data());
      case BINARY_ACK -> new Packet(PacketType.ACK, p.namespace(), p.ackId(), p.data());
      default -> p;
    };
  }

  private static void validate(PacketType type, JsonNode data, long ackId) throws ProtocolException {
    boolean ok = switch (type) {
      case CONNECT -> data == null || data.isObject();
      case DISCONNECT -> data == null;
      case CONNECT_ERROR -> data != null && (data.isString() || data.isObject());
      case EVENT, BINARY_EVENT -> data != null && data.isArray() && !data.isEmpty()
          && (data.get(0).isNumber()
              || (data.get(0).isString() && !RESERVED_EVENTS.contains(data.get(0).stringValue())));
      case ACK, BINARY_ACK -> data != null && data.isArray() && ackId >= 0;
    };
    if (!ok) {
      throw new ProtocolException("invalid payload");
    }
  }

  private static JsonNode replacePlaceholders(JsonNode node, List<byte[]> parts) throws ProtocolException {
    if (node == null) {
      return null;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replacePlaceholders(array.get(i), parts));
      }
      return array;
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      JsonNode marker = object.get("_placeholder");
      JsonNode num = object.get("num");
      if (marker != null && marker.isBoolean() && marker.booleanValue() && num != null && object.size() == 2) {
        if (!num.isIntegralNumber() || num.intValue() < 0 || num.intValue() >= parts.size()) {
          throw new ProtocolException("illegal attachment index");
        }
        return BinaryNode.valueOf(parts.get(num.intValue()));
      }
      for (Map.Entry<String, JsonNode> e : List.copyOf(object.properties())) {
        object.set(e.getKey(), replacePlaceholders(e.getValue(), parts));
      }
      return object;
    }
    return node;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
