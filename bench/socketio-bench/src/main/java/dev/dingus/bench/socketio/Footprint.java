package dev.dingus.bench.socketio;

import dev.dingus.socketio.SocketIoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What hosting the Socket.IO server costs a service: start-up time, threads and heap per
 * connection (official clients, polling then upgraded to WebSocket, idle). Argument: connections.
 */
public final class Footprint {

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long t0 = System.nanoTime();
    SocketIoServer server = SocketIoServer.builder().host("127.0.0.1").port(0).build();
    server.namespace("/").onConnection(s -> s.join("user:" + s.id()));
    int port = server.start();
    double startMs = (System.nanoTime() - t0) / 1e6;
    int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
    long heap0 = usedHeapAfterGc();
    Process clients = new ProcessBuilder("node", "connect.mjs", "http://127.0.0.1:" + port, String.valueOf(n))
        .directory(Path.of("node").toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
    String ready = out.readLine();
    Thread.sleep(1000);
    long heap1 = usedHeapAfterGc();
    System.out.printf("start: %.0f ms, threads added at start: %d, connections: %d (%s), heap per connection: %.1f KiB%n",
        startMs, threadsAfter - threadsBefore, server.connectionCount(), ready,
        (heap1 - heap0) / 1024.0 / Math.max(1, server.connectionCount()));
    clients.getOutputStream().close();
    clients.waitFor();
    server.close();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
