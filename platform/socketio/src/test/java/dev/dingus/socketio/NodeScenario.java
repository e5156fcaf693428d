package dev.dingus.socketio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code src/test/node/scenarios.mjs} with Node and the official {@code socket.io-client};
 * installs the locked npm dependencies first when {@code node_modules} is missing (fresh clone).
 */
final class NodeScenario implements AutoCloseable {

  static final Path DIR = Path.of("src/test/node").toAbsolutePath();
  /** Generous: Node starting and connecting can take many seconds on a loaded 2-core CI machine. */
  static final Duration LINE_TIMEOUT = Duration.ofSeconds(120);
  private static boolean installed;

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer stderr = new StringBuffer();

  private NodeScenario(Process process) {
    this.process = process;
    Thread.ofVirtual().start(() -> pump(new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8)), true));
    Thread.ofVirtual().start(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8)), false));
  }

  static synchronized void ensureInstalled() throws IOException, InterruptedException {
    if (installed || Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
      installed = true;
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
        .redirectErrorStream(true).start();
    String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + out);
    }
    installed = true;
  }

  static NodeScenario start(String scenario, String url, Object... args) throws IOException, InterruptedException {
    ensureInstalled();
    List<String> cmd = new ArrayList<>(List.of("node", "scenarios.mjs", scenario, url));
    for (Object a : args) {
      cmd.add(String.valueOf(a));
    }
    ProcessBuilder builder = new ProcessBuilder(cmd).directory(DIR.toFile());
    // The scenario's own deadline stays below awaitLine's, so a stuck scenario reports what it saw.
    builder.environment().putIfAbsent("SCENARIO_TIMEOUT_MS", Long.toString(LINE_TIMEOUT.minusSeconds(10).toMillis()));
    return new NodeScenario(builder.start());
  }

  /** Runs a scenario to its end and returns its result. */
  static JsonNode run(String scenario, String url, Object... args) throws Exception {
    try (NodeScenario s = start(scenario, url, args)) {
      return s.result();
    }
  }

  /** Waits for the next output line starting with {@code prefix}, skipping others. */
  String awaitLine(String prefix) throws InterruptedException {
    String line = pollLine(prefix, LINE_TIMEOUT);
    if (line == null) {
      throw new AssertionError("no line '" + prefix + "' from node; stderr: " + stderr);
    }
    return line;
  }

  /** The next output line starting with {@code prefix} (skipping others), or null after {@code timeout}. */
  String pollLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null || line.startsWith(prefix)) {
        return line;
      }
    }
  }

  JsonNode result() throws InterruptedException {
    String line = awaitLine("RESULT ");
    return JsonMapper.builder().build().readTree(line.substring("RESULT ".length()));
  }

  private void pump(BufferedReader reader, boolean out) {
    try (reader) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (out) {
          lines.add(line);
        } else {
          stderr.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
