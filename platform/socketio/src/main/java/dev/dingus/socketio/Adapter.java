package dev.dingus.socketio;

/**
 * Carries broadcasts to every node that serves sockets. The server hands its {@link LocalDelivery}
 * to {@link #start}; a broadcast made here must reach this node's sockets (through it) and, for a
 * distributed adapter, the other nodes' sockets (which deliver it through their own).
 *
 * <p>{@link LocalAdapter} serves a single node; {@code dev.dingus.socketio.redis.RedisAdapter}
 * fans out through Redis pub/sub.
 */
public interface Adapter extends AutoCloseable {

  /** Called once when the server starts. */
  void start(LocalDelivery local);

  /** Delivers locally and, unless {@link Broadcast#localOnly()}, to the other nodes. Never blocks on I/O. */
  void broadcast(Broadcast broadcast);

  /** Releases connections; called when the server stops. */
  @Override
  void close();
}
