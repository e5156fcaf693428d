package dev.dingus.socketio;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Selects receivers of a broadcast: {@code to(rooms)}, {@code except(rooms or socket ids)},
 * {@code local()}; then {@link #emit}. Immutable: every selector returns a new operator. The event
 * is encoded once and the same bytes are written to every receiver.
 */
public final class BroadcastOperator {

  private final Namespace namespace;
  private final Set<String> rooms;
  private final Set<String> except;
  private final boolean localOnly;

  BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except, boolean localOnly) {
    this.namespace = namespace;
    this.rooms = Set.copyOf(rooms);
    this.except = Set.copyOf(except);
    this.localOnly = localOnly;
  }

  /** Adds target rooms (union); with none at all, the whole namespace receives. */
  public BroadcastOperator to(String... rooms) {
    return new BroadcastOperator(namespace, plus(this.rooms, rooms), except, localOnly);
  }

  /** Same as {@link #to}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Leaves out the sockets in these rooms (a socket id names the socket's own room). */
  public BroadcastOperator except(String... roomsOrSocketIds) {
    return new BroadcastOperator(namespace, rooms, plus(except, roomsOrSocketIds), localOnly);
  }

  /** Delivers on this node only. */
  public BroadcastOperator local() {
    return new BroadcastOperator(namespace, rooms, except, true);
  }

  /** Sends the event to the selected sockets on every node. */
  public void emit(String event, Object... args) {
    Socket.checkEventName(event);
    namespace.server().adapter().broadcast(new Broadcast(namespace.name(), rooms, except, event, args, localOnly));
  }

  private static Set<String> plus(Set<String> base, String[] more) {
    Set<String> s = new HashSet<>(base);
    s.addAll(Arrays.asList(more));
    return s;
  }
}
