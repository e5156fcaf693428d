package dev.dingus.socketio.protocol;

/** Socket.IO v5 packet types; the ordinal is the wire id. */
public enum PacketType {
  CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

  private static final PacketType[] VALUES = values();

  /** The type for a wire digit, or {@code null} when the character is not a packet type. */
  static PacketType ofWire(char c) {
    int i = c - '0';
    return i >= 0 && i < VALUES.length ? VALUES[i] : null;
  }

  char wire() {
    return (char) ('0' + ordinal());
  }
}
