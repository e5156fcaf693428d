package dev.dingus.socketio;

/** Why a socket left its namespace; {@link #wire()} is the reason string the reference server uses. */
public enum DisconnectReason {
  /** The client called {@code socket.disconnect()}. */
  CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
  /** The server called {@link Socket#disconnect()}. */
  SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
  /** The server called {@link Socket#disconnect(boolean)} with {@code true}, closing the connection. */
  FORCED_SERVER_CLOSE("forced server close"),
  /** The connection was closed (the client left, or the network dropped it). */
  TRANSPORT_CLOSE("transport close"),
  /** The connection failed (for example a client too slow to read what it is sent). */
  TRANSPORT_ERROR("transport error"),
  /** The client did not answer a ping in time. */
  PING_TIMEOUT("ping timeout"),
  /** The client sent something that breaks the protocol. */
  PARSE_ERROR("parse error"),
  /** The connection was closed on the server side. */
  FORCED_CLOSE("forced close"),
  /** The server is stopping. */
  SERVER_SHUTTING_DOWN("server shutting down");

  private final String wire;

  DisconnectReason(String wire) {
    this.wire = wire;
  }

  /** The reason as the reference implementation names it, e.g. {@code "ping timeout"}. */
  public String wire() {
    return wire;
  }

  static DisconnectReason fromEngine(String reason) {
    for (DisconnectReason r : values()) {
      if (r.wire.equals(reason)) {
        return r;
      }
    }
    return TRANSPORT_CLOSE;
  }
}
