package dev.dingus.socketio;

/**
 * Handles one event sent by a client. Runs on the handler executor, never on a network thread;
 * events of one socket are handled one after the other, in the order they were sent.
 */
@FunctionalInterface
public interface EventHandler {
  /**
   * @param socket the sender
   * @param args the event's arguments (without the event name)
   * @param ack answers the client's callback; {@link Ack#requested()} says whether it gave one
   */
  void handle(Socket socket, Args args, Ack ack) throws Exception;
}
