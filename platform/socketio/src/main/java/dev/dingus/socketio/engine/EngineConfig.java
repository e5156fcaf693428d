package dev.dingus.socketio.engine;

import java.time.Duration;
import java.util.Set;

/**
 * Engine.IO settings.
 *
 * @param path URL path the server answers under, e.g. {@code /socket.io}
 * @param pingInterval time between two server pings
 * @param pingTimeout how long the server waits for the pong before closing the session
 * @param maxPayload largest HTTP body or WebSocket message accepted, in bytes (also announced in
 *     the handshake so that clients batch below it)
 * @param maxConnections sessions open at once; the handshake is refused with 503 beyond it
 * @param upgradeTimeout how long a WebSocket probe may take to finish the upgrade
 * @param corsOrigins allowed browser origins; empty allows every origin, {@code "*"} too
 * @param maxBufferedBytes outbound bytes a slow client may have queued before it is disconnected
 */
public record EngineConfig(
    String path,
    Duration pingInterval,
    Duration pingTimeout,
    int maxPayload,
    int maxConnections,
    Duration upgradeTimeout,
    Set<String> corsOrigins,
    long maxBufferedBytes) {

  public EngineConfig {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/'");
    }
    path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    if (maxPayload < 1024) {
      throw new IllegalArgumentException("maxPayload must be at least 1024 bytes");
    }
    if (pingInterval.isNegative() || pingInterval.isZero() || pingTimeout.isNegative() || pingTimeout.isZero()) {
      throw new IllegalArgumentException("pingInterval and pingTimeout must be positive");
    }
    corsOrigins = Set.copyOf(corsOrigins);
  }

  /** The defaults of the reference server: 25 s / 20 s heartbeat, 1 MB payload. */
  public static EngineConfig defaults() {
    return new EngineConfig("/socket.io", Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000,
        100_000, Duration.ofSeconds(10), Set.of(), 16L * 1024 * 1024);
  }

  boolean originAllowed(String origin) {
    return corsOrigins.isEmpty() || corsOrigins.contains("*") || corsOrigins.contains(origin);
  }
}
