package dev.dingus.socketio;

import dev.dingus.socketio.engine.EngineListener;
import dev.dingus.socketio.engine.EngineSession;
import dev.dingus.socketio.protocol.EncodedPacket;
import dev.dingus.socketio.protocol.Packet;
import dev.dingus.socketio.protocol.PacketDecoder;
import dev.dingus.socketio.protocol.PacketEncoder;
import dev.dingus.socketio.protocol.PacketType;
import dev.dingus.socketio.protocol.ProtocolException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Socket.IO side of one Engine.IO session: decodes packets on the event loop, then runs
 * everything else (middleware, handlers, acks) on a serial executor so that a connection's packets
 * are handled in order without ever blocking a network thread.
 */
final class ClientConnection implements EngineListener.SessionHandler {

  private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);

  private final SocketIoServer server;
  private final EngineSession session;
  private final PacketDecoder decoder;
  private final SerialExecutor serial;
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> connectTimer;

  ClientConnection(SocketIoServer server, EngineSession session) {
    this.server = server;
    this.session = session;
    this.decoder = new PacketDecoder(server.mapper(), server.maxPayload());
    this.serial = new SerialExecutor(server.handlerExecutor());
    // A client that never joins a namespace is closed, as the reference server does.
    this.connectTimer = session.eventLoop().schedule(() -> {
      if (sockets.isEmpty()) {
        session.close();
      }
    }, server.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  EngineSession session() {
    return session;
  }

  PacketEncoder encoder() {
    return server.encoder();
  }

  ObjectMapper mapper() {
    return server.mapper();
  }

  void send(EncodedPacket packet) {
    session.send(packet.frames());
  }

  // ---- engine callbacks (event loop) ----

  @Override
  public void onMessage(String text) {
    try {
      Packet p = decoder.decodeText(text);
      if (p != null && !tryInline(p)) {
        serial.execute(() -> dispatch(p));
      }
    } catch (ProtocolException e) {
      protocolError(e);
    }
  }

  @Override
  public void onBinary(byte[] data) {
    try {
      Packet p = decoder.addAttachment(data);
      if (p != null) {
        serial.execute(() -> dispatch(p));
      }
    } catch (ProtocolException e) {
      protocolError(e);
    }
  }

  @Override
  public void onClose(String reason) {
    connectTimer.cancel(false);
    DisconnectReason r = DisconnectReason.fromEngine(reason);
    serial.execute(() -> {
      for (Socket s : List.copyOf(sockets.values())) {
        s.onClose(r);
      }
      sockets.clear();
    });
  }

  /**
   * An event with an {@link InlineEventHandler}, while this connection has nothing queued: handled here, on the
   * event loop (or, when the fast path declines, queued for its handler from here, still in order).
   */
  private boolean tryInline(Packet p) {
    if (p.type() != PacketType.EVENT) {
      return false;
    }
    Socket socket = sockets.get(p.namespace());
    if (socket == null || !socket.hasInlineHandler(p)) {
      return false;
    }
    return serial.tryRunInline(() -> {
      Runnable fallback = socket.onEventInline(p);
      if (fallback != null) {
        serial.execute(fallback);
      }
    });
  }

  private void protocolError(ProtocolException e) {
    log.debug("session {}: protocol error: {}", session.id(), e.getMessage());
    session.closeForParseError();
  }

  // ---- dispatch (serial executor) ----

  private void dispatch(Packet p) {
    Socket socket = sockets.get(p.namespace());
    switch (p.type()) {
      case CONNECT -> {
        if (socket == null) {
          connect(p.namespace(), p.data());
        }
      }
      case EVENT -> {
        if (socket == null) {
          invalidState(p);
        } else {
          socket.onEvent(p);
        }
      }
      case ACK -> {
        if (socket == null) {
          invalidState(p);
        } else {
          socket.onAck(p);
        }
      }
      case DISCONNECT -> {
        if (socket != null) {
          sockets.remove(p.namespace(), socket);
          socket.onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
        }
      }
      default -> invalidState(p);
    }
  }

  private void invalidState(Packet p) {
    log.debug("session {}: {} for namespace without connection", session.id(), p.type());
    session.closeForParseError();
  }

  private void connect(String nsp, JsonNode auth) {
    Namespace namespace = server.namespaceOrNull(nsp);
    if (namespace == null) {
      send(encoder().connectError(nsp, "Invalid namespace", null));
      return;
    }
    JsonNode authPayload = auth == null ? server.mapper().createObjectNode() : auth;
    Handshake handshake = new Handshake(nsp, authPayload, session.request().headers(), session.request().query(),
        session.request().remoteAddress(), Instant.now());
    Object data = null;
    for (ConnectMiddleware m : namespace.middlewares()) {
      ConnectDecision d;
      try {
        d = m.check(handshake);
      } catch (Exception e) {
        log.error("connection middleware failed on namespace {}", nsp, e);
        d = ConnectDecision.reject("Internal server error");
      }
      if (d == null || !d.accepted()) {
        String message = d == null ? "Connection refused" : d.message();
        send(encoder().connectError(nsp, message, d == null ? null : d.data()));
        return;
      }
      if (d.data() != null) {
        data = d.data();
      }
    }
    if (!session.isOpen()) {
      return;
    }
    Socket socket = new Socket(server.newSocketId(), namespace, this, handshake, data, server.newRateLimiter());
    sockets.put(nsp, socket);
    namespace.add(socket);
    send(encoder().connect(nsp, socket.id()));
    namespace.runConnectionHandlers(socket);
  }

  void removeSocket(Socket socket) {
    sockets.remove(socket.namespace().name(), socket);
  }
}
