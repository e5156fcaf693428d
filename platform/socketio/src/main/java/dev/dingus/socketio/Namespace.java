package dev.dingus.socketio;

import dev.dingus.socketio.engine.Frame;
import dev.dingus.socketio.engine.OutboundBatch;
import dev.dingus.socketio.protocol.EncodedPacket;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A namespace ({@code "/"} is the main one): its connection middleware, connection handlers, the
 * sockets connected to it on this node and their rooms.
 */
public final class Namespace {

  private static final Logger log = LoggerFactory.getLogger(Namespace.class);

  private final String name;
  private final SocketIoServer server;
  private final List<ConnectMiddleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Consumer<Socket>> connectionHandlers = new CopyOnWriteArrayList<>();
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final Map<String, Set<Socket>> rooms = new ConcurrentHashMap<>();

  Namespace(String name, SocketIoServer server) {
    this.name = name;
    this.server = server;
  }

  public String name() {
    return name;
  }

  SocketIoServer server() {
    return server;
  }

  /**
   * Adds a connection middleware. Middlewares run in order when a client connects, before the
   * socket exists; the first rejection ends the attempt with {@code connect_error}.
   */
  public Namespace use(ConnectMiddleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  /** Called for every accepted socket, on the handler executor, before its first event is handled. */
  public Namespace onConnection(Consumer<Socket> handler) {
    connectionHandlers.add(handler);
    return this;
  }

  /** Broadcast to rooms of this namespace. */
  public BroadcastOperator to(String... rooms) {
    return new BroadcastOperator(this, Set.of(rooms), Set.of(), false);
  }

  /** Same as {@link #to}. */
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  /** Broadcast to the whole namespace except these rooms or socket ids. */
  public BroadcastOperator except(String... roomsOrSocketIds) {
    return new BroadcastOperator(this, Set.of(), Set.of(roomsOrSocketIds), false);
  }

  /** Sends an event to every socket of this namespace, on every node. */
  public void emit(String event, Object... args) {
    new BroadcastOperator(this, Set.of(), Set.of(), false).emit(event, args);
  }

  /** A socket connected to this node, or {@code null}. */
  public Socket socket(String id) {
    return sockets.get(id);
  }

  /** The sockets connected to this node. */
  public Collection<Socket> sockets() {
    return Collections.unmodifiableCollection(sockets.values());
  }

  /** Local sockets in a room. */
  public Set<Socket> socketsIn(String room) {
    Set<Socket> s = rooms.get(room);
    return s == null ? Set.of() : Collections.unmodifiableSet(s);
  }

  // ---- internals ----

  List<ConnectMiddleware> middlewares() {
    return middlewares;
  }

  void add(Socket socket) {
    sockets.put(socket.id(), socket);
    socket.join(socket.id());
  }

  void runConnectionHandlers(Socket socket) {
    for (Consumer<Socket> h : connectionHandlers) {
      try {
        h.accept(socket);
      } catch (RuntimeException e) {
        log.error("connection handler failed on socket {}", socket.id(), e);
      }
    }
  }

  void remove(Socket socket) {
    sockets.remove(socket.id(), socket);
  }

  void addToRoom(String room, Socket socket) {
    rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
  }

  void removeFromRoom(String room, Socket socket) {
    rooms.computeIfPresent(room, (r, members) -> {
      members.remove(socket);
      return members.isEmpty() ? null : members;
    });
  }

  /**
   * Delivers to this node's sockets: encodes once, then one task per event loop that writes to its sessions and
   * flushes each once (see {@link OutboundBatch}; inside an open batch the writes join it).
   */
  void deliverLocal(Broadcast b) {
    Set<Socket> targets = targets(b);
    if (targets.isEmpty()) {
      return;
    }
    EncodedPacket packet = server.encoder().event(name, b.event(), b.args(), -1);
    List<Frame> frames = packet.frames();
    try (OutboundBatch batch = OutboundBatch.open()) {
      for (Socket s : targets) {
        s.engineSession().send(frames);
      }
    }
  }

  private Set<Socket> targets(Broadcast b) {
    Set<Socket> targets;
    if (b.rooms().isEmpty()) {
      targets = new LinkedHashSet<>(sockets.values());
    } else if (b.rooms().size() == 1 && b.except().isEmpty()) {
      Set<Socket> members = rooms.get(b.rooms().iterator().next());
      return members == null ? Set.of() : members;
    } else {
      targets = new LinkedHashSet<>();
      for (String room : b.rooms()) {
        Set<Socket> members = rooms.get(room);
        if (members != null) {
          targets.addAll(members);
        }
      }
    }
    for (String room : b.except()) {
      Set<Socket> members = rooms.get(room);
      if (members != null) {
        targets.removeAll(members);
      }
    }
    return targets;
  }
}
