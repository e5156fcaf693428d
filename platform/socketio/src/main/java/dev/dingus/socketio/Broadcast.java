package dev.dingus.socketio;

import java.util.Set;

/**
 * One event to deliver to the sockets of a namespace.
 *
 * @param namespace namespace name, e.g. {@code "/"}
 * @param rooms target rooms (a socket id is a room too); empty means every socket of the namespace
 * @param except rooms or socket ids whose sockets are left out
 * @param event event name
 * @param args JSON-serializable arguments
 * @param localOnly deliver on this node only, do not publish to other nodes
 */
public record Broadcast(String namespace, Set<String> rooms, Set<String> except, String event, Object[] args,
    boolean localOnly) {
  public Broadcast {
    rooms = Set.copyOf(rooms);
    except = Set.copyOf(except);
    args = args == null ? new Object[0] : args.clone();
  }
}
