package dev.dingus.socketio;

/** The single-node {@link Adapter}: broadcasts reach this node's sockets only. */
public final class LocalAdapter implements Adapter {
  private volatile LocalDelivery local;

  @Override
  public void start(LocalDelivery local) {
    this.local = local;
  }

  @Override
  public void broadcast(Broadcast broadcast) {
    local.deliver(broadcast);
  }

  @Override
  public void close() {
    // nothing held
  }
}
