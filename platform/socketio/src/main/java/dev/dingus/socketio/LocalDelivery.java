package dev.dingus.socketio;

/** Delivers a broadcast to the sockets connected to this node; given to an {@link Adapter} on start. */
@FunctionalInterface
public interface LocalDelivery {
  void deliver(Broadcast broadcast);
}
