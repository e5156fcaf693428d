package dev.dingus.socketio;

import dev.dingus.socketio.protocol.Packet;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;

/**
 * A client connected to one namespace. Thread-safe: emit, join and disconnect from any thread.
 * Each socket is in the room named by its id from the start.
 */
public final class Socket {

  private static final Logger log = LoggerFactory.getLogger(Socket.class);
  private static final Set<String> RESERVED =
      Set.of("connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

  private final String id;
  private final Namespace namespace;
  private final ClientConnection client;
  private final Handshake handshake;
  private volatile Object data;
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final Set<String> rooms = ConcurrentHashMap.newKeySet();
  /**
   * Held while this socket's rooms change, in {@link #rooms} and in the namespace's room map together: a join racing
   * with a leave or the close could otherwise leave the two disagreeing, e.g. a closed socket in the namespace's map,
   * still written to by every broadcast to that room.
   */
  private final Object roomsLock = new Object();
  private final Map<String, EventHandler> handlers = new ConcurrentHashMap<>();
  private final Map<String, InlineEventHandler> inlineHandlers = new ConcurrentHashMap<>();
  private final List<Consumer<DisconnectReason>> disconnectHandlers = new CopyOnWriteArrayList<>();
  private final Map<Long, PendingAck> pendingAcks = new ConcurrentHashMap<>();
  // Ids start at 1, as the protocol test suite expects for a socket's first server-side ack.
  private final AtomicLong nextAckId = new AtomicLong(1);
  private final RateLimiter limiter;
  private volatile boolean connected = true;

  Socket(String id, Namespace namespace, ClientConnection client, Handshake handshake, Object data,
      RateLimiter limiter) {
    this.id = id;
    this.namespace = namespace;
    this.client = client;
    this.handshake = handshake;
    this.data = data;
    this.limiter = limiter;
  }

  /** The socket id (unique per namespace connection; also the name of its own room). */
  public String id() {
    return id;
  }

  public Namespace namespace() {
    return namespace;
  }

  /** What the client presented when connecting. */
  public Handshake handshake() {
    return handshake;
  }

  /** The data a middleware attached when accepting (e.g. the authenticated user); may be null. */
  public Object data() {
    return data;
  }

  /** {@link #data()} cast to {@code type}. */
  public <T> T data(Class<T> type) {
    return type.cast(data);
  }

  /** Replaces the socket data (e.g. after a late {@code authenticate} event). */
  public void data(Object value) {
    this.data = value;
  }

  /** Free-form per-socket attributes. */
  public Map<String, Object> attributes() {
    return attributes;
  }

  /** {@code websocket} or {@code polling}. */
  public String transport() {
    return client.session().transportName();
  }

  public boolean connected() {
    return connected;
  }

  // ---- rooms ----

  /** Joins rooms on this node; broadcasts to them from any node reach this socket. */
  public void join(String... rooms) {
    synchronized (roomsLock) {
      if (!connected) {
        return;
      }
      for (String room : rooms) {
        if (this.rooms.add(room)) {
          namespace.addToRoom(room, this);
        }
      }
    }
  }

  public void leave(String room) {
    synchronized (roomsLock) {
      if (rooms.remove(room)) {
        namespace.removeFromRoom(room, this);
      }
    }
  }

  /** The rooms this socket is in, its own included. */
  public Set<String> rooms() {
    return Collections.unmodifiableSet(rooms);
  }

  // ---- emitting ----

  /** Sends an event to this client. Arguments are JSON-serializable values or {@code byte[]}. */
  public void emit(String event, Object... args) {
    checkEventName(event);
    if (connected) {
      client.send(client.encoder().event(namespace.name(), event, args, -1));
    }
  }

  /**
   * Sends an event and waits for the client's acknowledgement.
   *
   * @return completes with the ack's arguments, or exceptionally with {@link AckTimeoutException}
   *     after {@code timeout} or when the socket disconnects first
   */
  public CompletableFuture<Args> emitWithAck(String event, Duration timeout, Object... args) {
    checkEventName(event);
    CompletableFuture<Args> result = new CompletableFuture<>();
    if (!connected) {
      result.completeExceptionally(new AckTimeoutException("socket is disconnected"));
      return result;
    }
    long ackId = nextAckId.getAndIncrement();
    ScheduledFuture<?> timer = client.session().eventLoop().schedule(() -> {
      PendingAck p = pendingAcks.remove(ackId);
      if (p != null) {
        p.future.completeExceptionally(new AckTimeoutException("no ack for '" + event + "' within " + timeout));
      }
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    pendingAcks.put(ackId, new PendingAck(result, timer));
    client.send(client.encoder().event(namespace.name(), event, args, ackId));
    return result;
  }

  /** Broadcast to rooms, leaving out this socket (like {@code socket.to(room)} in the reference API). */
  public BroadcastOperator to(String... rooms) {
    return broadcast().to(rooms);
  }

  /** Broadcast to the whole namespace, leaving out this socket. */
  public BroadcastOperator broadcast() {
    return namespace.except(id);
  }

  // ---- handlers ----

  /** Handles an event from the client; one handler per event name (a later one replaces it). */
  public Socket on(String event, EventHandler handler) {
    handlers.put(event, handler);
    return this;
  }

  /**
   * A fast path for {@code event}, tried on the network thread first ({@link InlineEventHandler}); the handler
   * given to {@link #on(String, EventHandler)} handles what it declines.
   */
  public Socket onInline(String event, InlineEventHandler handler) {
    inlineHandlers.put(event, handler);
    return this;
  }

  /** Handles an event whose first argument converts to {@code type}. */
  public <T> Socket on(String event, Class<T> type, TypedEventHandler<T> handler) {
    return on(event, (socket, args, ack) -> {
      T payload;
      try {
        payload = args.get(0, type);
      } catch (IllegalArgumentException e) {
        ack.fail("INVALID_PAYLOAD", "'" + event + "' expects a " + type.getSimpleName());
        return;
      }
      handler.handle(socket, payload, ack);
    });
  }

  /** Called once when the socket leaves the namespace, with the reason. */
  public Socket onDisconnect(Consumer<DisconnectReason> handler) {
    disconnectHandlers.add(handler);
    return this;
  }

  // ---- disconnecting ----

  /** Disconnects from this namespace; the underlying connection stays for other namespaces. */
  public void disconnect() {
    disconnect(false);
  }

  /**
   * Disconnects from this namespace; with {@code closeConnection}, closes the whole connection.
   */
  public void disconnect(boolean closeConnection) {
    if (!connected) {
      return;
    }
    client.send(client.encoder().disconnect(namespace.name()));
    client.removeSocket(this);
    onClose(closeConnection ? DisconnectReason.FORCED_SERVER_CLOSE : DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    if (closeConnection) {
      client.session().close();
    }
  }

  // ---- inbound, called on the connection's serial executor ----

  void onEvent(Packet packet) {
    Ack ack = new Ack(this, packet.ackId());
    if (!limiter.tryAcquire()) {
      ack.fail("RATE_LIMITED", "too many events, slow down");
      return;
    }
    handle(packet, ack);
  }

  boolean hasInlineHandler(Packet packet) {
    return !inlineHandlers.isEmpty() && inlineHandlers.containsKey(eventName(packet));
  }

  /**
   * The event on its {@link InlineEventHandler}, on the network thread; returns what is left to run on the
   * handler executor (the event's {@link EventHandler}, when the fast path declined), or null.
   */
  Runnable onEventInline(Packet packet) {
    Ack ack = new Ack(this, packet.ackId());
    if (!limiter.tryAcquire()) {
      ack.fail("RATE_LIMITED", "too many events, slow down");
      return null;
    }
    String event = eventName(packet);
    try {
      if (inlineHandlers.get(event).tryHandle(this, args(packet), ack)) {
        return null;
      }
    } catch (Exception e) {
      failed(event, ack, e);
      return null;
    }
    return () -> handle(packet, ack);
  }

  private void handle(Packet packet, Ack ack) {
    String event = eventName(packet);
    EventHandler handler = handlers.get(event);
    if (handler == null) {
      // A client waiting for an answer gets one; without a callback an unknown event is ignored, as Socket.IO
      // servers do (a newer client may emit events an older server does not know).
      if (ack.requested()) {
        ack.fail("UNKNOWN_EVENT", "this server handles no such event");
      }
      return;
    }
    try {
      handler.handle(this, args(packet), ack);
    } catch (Exception e) {
      failed(event, ack, e);
    }
  }

  private void failed(String event, Ack ack, Exception e) {
    log.error("handler for event '{}' failed on socket {}", event, id, e);
    if (!ack.sent()) {
      ack.fail("INTERNAL_ERROR", "the server could not handle '" + event + "'");
    }
  }

  private static String eventName(Packet packet) {
    return packet.data().get(0).asString();
  }

  private Args args(Packet packet) {
    return Args.of((ArrayNode) packet.data(), 1, client.mapper());
  }

  void onAck(Packet packet) {
    PendingAck p = pendingAcks.remove(packet.ackId());
    if (p != null) {
      p.timer.cancel(false);
      p.future.complete(Args.of((ArrayNode) packet.data(), 0, client.mapper()));
    }
  }

  void onClose(DisconnectReason reason) {
    synchronized (roomsLock) {
      if (!connected) {
        return;
      }
      connected = false;
      for (String room : rooms) {
        namespace.removeFromRoom(room, this);
      }
      rooms.clear();
    }
    namespace.remove(this);
    for (Map.Entry<Long, PendingAck> e : Map.copyOf(pendingAcks).entrySet()) {
      if (pendingAcks.remove(e.getKey()) != null) {
        e.getValue().timer.cancel(false);
        e.getValue().future.completeExceptionally(new AckTimeoutException("socket disconnected: " + reason.wire()));
      }
    }
    for (Consumer<DisconnectReason> h : disconnectHandlers) {
      try {
        h.accept(reason);
      } catch (RuntimeException e) {
        log.error("disconnect handler failed on socket {}", id, e);
      }
    }
  }

  void sendAck(long ackId, Object[] args) {
    if (connected) {
      client.send(client.encoder().ack(namespace.name(), ackId, args));
    }
  }

  dev.dingus.socketio.engine.EngineSession engineSession() {
    return client.session();
  }

  static void checkEventName(String event) {
    if (event == null || RESERVED.contains(event)) {
      throw new IllegalArgumentException("'" + event + "' is a reserved event name");
    }
  }

  private record PendingAck(CompletableFuture<Args> future, ScheduledFuture<?> timer) {}

  @Override
  public String toString() {
    return "Socket[" + id + " " + namespace.name() + "]";
  }
}
