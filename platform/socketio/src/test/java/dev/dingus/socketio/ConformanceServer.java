package dev.dingus.socketio;

import dev.dingus.socketio.engine.EngineConfig;
import dev.dingus.socketio.engine.EngineListener;
import dev.dingus.socketio.engine.EngineServer;
import dev.dingus.socketio.engine.Frame;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The servers the protocol test suites expect (ping interval 300 ms, timeout 200 ms):
 * {@code engine} is an Engine.IO echo server under {@code /engine.io}; {@code socketio} is a
 * Socket.IO server under {@code /socket.io} whose namespaces {@code /} and {@code /custom} send
 * {@code auth} with the handshake payload on connect, answer {@code message} with
 * {@code message-back}, acknowledge {@code message-with-ack} with the same arguments, and answer
 * {@code emit-with-ack} by emitting it back with an ack request, then emitting the ack's arguments.
 *
 * <p>Run for an external suite: {@code java -cp ... dev.dingus.socketio.ConformanceServer socketio 3000}.
 */
public final class ConformanceServer {

  static final Duration PING_INTERVAL = Duration.ofMillis(300);
  static final Duration PING_TIMEOUT = Duration.ofMillis(200);

  private ConformanceServer() {}

  /** An Engine.IO server that echoes every message back, text or binary. */
  static EngineServer engineEcho() {
    EngineConfig config = new EngineConfig("/engine.io", PING_INTERVAL, PING_TIMEOUT, 1_000_000, 10_000,
        Duration.ofSeconds(10), Set.of(), 16L * 1024 * 1024);
    return new EngineServer(config, session -> new EngineListener.SessionHandler() {
      @Override
      public void onMessage(String text) {
        session.send(List.of(Frame.text(Frame.MESSAGE, text)));
      }

      @Override
      public void onBinary(byte[] data) {
        session.send(List.of(Frame.binaryMessage(data)));
      }

      @Override
      public void onClose(String reason) {
        // nothing to clean up
      }
    });
  }

  /** The Socket.IO server of the suite, not started. */
  static SocketIoServer socketIo(int port) {
    SocketIoServer server = SocketIoServer.builder()
        .host("127.0.0.1")
        .port(port)
        .heartbeat(PING_INTERVAL, PING_TIMEOUT)
        .build();
    for (String nsp : List.of("/", "/custom")) {
      server.namespace(nsp).onConnection(socket -> {
        socket.emit("auth", socket.handshake().auth());
        socket.on("message", (s, args, ack) -> s.emit("message-back", args.toArray()));
        socket.on("message-with-ack", (s, args, ack) -> ack.send(args.toArray()));
        socket.on("emit-with-ack", (s, args, ack) -> s.emitWithAck("emit-with-ack", Duration.ofSeconds(5),
            args.toArray()).thenAccept(answer -> s.emit("emit-with-ack", answer.toArray())));
      });
    }
    return server;
  }

  public static void main(String[] args) throws InterruptedException {
    String mode = args.length > 0 ? args[0] : "socketio";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    AutoCloseable running;
    if ("engine".equals(mode)) {
      EngineServer engine = engineEcho();
      engine.start("127.0.0.1", port, 0);
      running = engine;
    } else {
      SocketIoServer server = socketIo(port);
      server.start();
      running = server;
    }
    System.out.println("listening on " + port + " (" + mode + ")");
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception e) {
        // shutting down anyway
      }
      forever.countDown();
    }));
    forever.await();
  }
}
