package dev.dingus.bench.socketio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load run: for each server, in turn and under the same load, starts it in a fresh JVM, drives
 * it with the official socket.io-client ({@code node/load.mjs}) on loopback, and reports delivered
 * messages per second, latency percentiles and server CPU time per delivered message (process CPU
 * of the server JVM over the measured window). Bounded: warm-up plus measure seconds per server.
 *
 * <p>Arguments: {@code clients roomSize ratePerClient warmupSeconds measureSeconds transport rounds}.
 */
public final class LoadRun {

  public static void main(String[] args) throws Exception {
    int clients = arg(args, 0, 200);
    int roomSize = arg(args, 1, 10);
    int rate = arg(args, 2, 5);
    int warmup = arg(args, 3, 5);
    int measure = arg(args, 4, 10);
    String transport = args.length > 5 ? args[5] : "websocket";
    int rounds = arg(args, 6, 1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (String impl : List.of("dingus", "netty-socketio")) {
        rows.add(runOne(impl, round, clients, roomSize, rate, warmup, measure, transport));
      }
    }
    System.out.printf("%nload: %d clients, rooms of %d, %d msg/s per client, %s, %d s warm-up + %d s measured%n",
        clients, roomSize, rate, transport, warmup, measure);
    System.out.println("| server | round | delivered msg/s | expected msg/s | lost | p50 ms | p99 ms | p99.9 ms"
        + " | server CPU % | CPU µs / delivered msg |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Map<String, Object> r : rows) {
      System.out.printf("| %s | %s | %.0f | %.0f | %s | %.2f | %.2f | %.2f | %.0f | %.2f |%n", r.get("server"),
          r.get("round"), r.get("msgsPerSec"), r.get("expectedPerSec"), r.get("lost"), r.get("p50"), r.get("p99"),
          r.get("p999"), r.get("cpuPercent"), r.get("cpuMicrosPerMsg"));
    }
  }

  private static Map<String, Object> runOne(String impl, int round, int clients, int roomSize, int rate, int warmup,
      int measure, String transport) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java, "-Xms512m", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        BenchServer.class.getName(), impl, String.valueOf(port))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
        StandardCharsets.UTF_8));
    PrintWriter serverIn = new PrintWriter(server.getOutputStream(), true, StandardCharsets.UTF_8);
    try {
      awaitLine(serverOut, "READY");
      Process load = new ProcessBuilder("node", "load.mjs", "http://127.0.0.1:" + port, String.valueOf(clients),
          String.valueOf(roomSize), String.valueOf(rate), String.valueOf(warmup), String.valueOf(measure), transport)
          .directory(Path.of("node").toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader loadOut = new BufferedReader(new InputStreamReader(load.getInputStream(),
          StandardCharsets.UTF_8));
      awaitLine(loadOut, "MEASURE_START");
      long cpu0 = cpu(serverIn, serverOut);
      long t0 = System.nanoTime();
      awaitLine(loadOut, "MEASURE_END");
      long cpu1 = cpu(serverIn, serverOut);
      long t1 = System.nanoTime();
      String result = awaitLine(loadOut, "RESULT ").substring("RESULT ".length());
      load.waitFor(30, TimeUnit.SECONDS);
      JsonNode r = JsonMapper.builder().build().readTree(result);
      double delivered = r.path("delivered").asDouble();
      double seconds = r.path("seconds").asDouble();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("server", impl);
      row.put("round", round);
      row.put("msgsPerSec", delivered / seconds);
      row.put("expectedPerSec", r.path("expected").asDouble() / seconds);
      row.put("lost", r.path("expected").asLong() - r.path("delivered").asLong());
      row.put("p50", r.path("p50").asDouble());
      row.put("p99", r.path("p99").asDouble());
      row.put("p999", r.path("p999").asDouble());
      row.put("cpuPercent", 100.0 * (cpu1 - cpu0) / (t1 - t0));
      row.put("cpuMicrosPerMsg", (cpu1 - cpu0) / 1000.0 / Math.max(1, delivered));
      System.out.println(impl + " round " + round + ": " + result);
      return row;
    } finally {
      serverIn.close();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static long cpu(PrintWriter in, BufferedReader out) throws IOException {
    in.println("cpu");
    return Long.parseLong(awaitLine(out, "CPU ").substring(4).trim());
  }

  private static String awaitLine(BufferedReader reader, String prefix) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new IOException("stream ended before '" + prefix + "'");
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
