package dev.dingus.socketio;

/**
 * The fast path of an event, tried on the network thread before the event is handed to its {@link EventHandler}:
 * a hand-off to the handler executor costs a thread wake-up per event, which an event that only checks memory
 * and queues work need not pay. Tried only when the connection has nothing queued or running, so the socket's
 * events stay one at a time and in order.
 */
@FunctionalInterface
public interface InlineEventHandler {
  /**
   * Handles the event without blocking (no I/O, no waiting on locks held for long), or returns false, having
   * done nothing, when it cannot (e.g. what it needs is not in memory): the event then goes to the socket's
   * {@link EventHandler} on the handler executor, its rate limit already counted. What it throws is answered as
   * an {@code INTERNAL_ERROR}, as from a handler.
   */
  boolean tryHandle(Socket socket, Args args, Ack ack) throws Exception;
}
