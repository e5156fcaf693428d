package dev.dingus.socketio;

/**
 * Decides whether a client may connect to a namespace. Runs on the handler executor (it may block,
 * e.g. to check a token) before the socket exists; the client's packets wait until it decided.
 */
@FunctionalInterface
public interface ConnectMiddleware {
  ConnectDecision check(Handshake handshake) throws Exception;
}
