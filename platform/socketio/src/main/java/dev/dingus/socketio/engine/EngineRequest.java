package dev.dingus.socketio.engine;

import java.util.Map;

/**
 * What the opening HTTP request of a session said: headers (names in lower case), query
 * parameters and the peer address. Immutable.
 */
public record EngineRequest(Map<String, String> headers, Map<String, String> query, String remoteAddress) {
  public EngineRequest {
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
  }
}
