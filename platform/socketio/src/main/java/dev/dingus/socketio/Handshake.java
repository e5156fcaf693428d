package dev.dingus.socketio;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a client presented when connecting to a namespace, before any socket exists.
 *
 * @param namespace the namespace asked for
 * @param auth the {@code auth} payload of the CONNECT packet ({@code {}} when the client sent none)
 * @param headers headers of the opening HTTP request, names in lower case
 * @param query query parameters of the opening HTTP request
 * @param remoteAddress the peer's IP address as seen by this server (a proxy's, behind one)
 * @param issued when the CONNECT packet arrived
 */
public record Handshake(String namespace, JsonNode auth, Map<String, String> headers, Map<String, String> query,
    String remoteAddress, Instant issued) {

  /** A string field of the auth payload, or {@code null} when missing or not a string. */
  public String authString(String field) {
    JsonNode v = auth.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }
}
