package dev.dingus.socketio;

/**
 * Decides whether a client may connect to a namespace. Runs on the handler executor (it may block,
 * e.g. to check a token) before the socket exists; the client's packets wait until it decided.
 */
@FunctionalInterface
public interface ConnectMiddleware {
  /**
   * @param handshake auth payload, headers, query and address of the connecting client
   * @return accept or reject; an exception counts as a rejection ("Internal server error")
   */
  ConnectDecision check(Handshake handshake) throws Exception;
}
