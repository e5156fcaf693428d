package dev.dingus.socketio.protocol;

/** A packet that breaks the Socket.IO protocol; the connection that sent it is closed. */
public final class ProtocolException extends Exception {
  public ProtocolException(String message) {
    super(message, null, false, false);
  }
}
