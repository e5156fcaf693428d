package dev.dingus.bench.socketio;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import dev.dingus.socketio.SocketIoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;

/**
 * One server under load, in a JVM of its own: {@code dingus} (platform-socketio) or
 * {@code netty-socketio} (2.0.14), with the same two handlers: {@code join} (join a room, ack
 * true) and {@code chat} (broadcast the message to its room, sender included, then ack true).
 * Prints {@code READY}; answers the stdin line {@code cpu} with {@code CPU <process cpu ns>}; stops at
 * end of input.
 */
public final class BenchServer {

  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    String impl = args[0];
    int port = Integer.parseInt(args[1]);
    AutoCloseable server = switch (impl) {
      case "dingus" -> dingus(port);
      case "netty-socketio" -> nettySocketIo(port);
      default -> throw new IllegalArgumentException("unknown server " + impl);
    };
    System.out.println("READY");
    System.out.flush();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    String line;
    while ((line = in.readLine()) != null) {
      if ("cpu".equals(line.trim())) {
        System.out.println("CPU " + os.getProcessCpuTime());
        System.out.flush();
      }
    }
    server.close();
  }

  static AutoCloseable dingus(int port) {
    SocketIoServer server = SocketIoServer.builder().host("127.0.0.1").port(port).inboundRate(1_000, 1_000).build();
    server.namespace("/").onConnection(socket -> {
      socket.on("join", (s, args, ack) -> {
        s.join(args.string(0));
        ack.send(true);
      });
      socket.on("chat", ChatMessage.class, (s, msg, ack) -> {
        s.namespace().to(msg.room).emit("chat", msg);
        ack.send(true);
      });
    });
    server.start();
    return server;
  }

  static AutoCloseable nettySocketIo(int port) {
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(port);
    SocketIOServer server = new SocketIOServer(config);
    server.addEventListener("join", String.class, (client, room, ack) -> {
      client.joinRoom(room);
      if (ack.isAckRequested()) {
        ack.sendAckData(true);
      }
    });
    server.addEventListener("chat", ChatMessage.class, (client, msg, ack) -> {
      server.getRoomOperations(msg.room).sendEvent("chat", msg);
      if (ack.isAckRequested()) {
        ack.sendAckData(true);
      }
    });
    server.start();
    return server::stop;
  }
}
