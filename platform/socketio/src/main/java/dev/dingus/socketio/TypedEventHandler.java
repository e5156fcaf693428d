package dev.dingus.socketio;

/**
 * Handles an event whose first argument is converted to {@code T}. When the argument does not
 * convert, the handler is not called and the client gets {@code {success:false, error:{code:
 * "INVALID_PAYLOAD", message}}} (as ack when it asked for one, else as an {@code error} event).
 */
@FunctionalInterface
public interface TypedEventHandler<T> {
  void handle(Socket socket, T payload, Ack ack) throws Exception;
}
