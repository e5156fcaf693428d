package dev.dingus.socketio;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Raw HTTP and WebSocket access for protocol tests (java.net.http, no Socket.IO logic). */
final class RawClient {

  /**
   * How long to wait for an answer that must come: generous, as a loaded 2-core CI machine can stall for
   * seconds; a passing test never waits this long.
   */
  static final Duration WAIT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(WAIT).build();
  private final String base;

  RawClient(int port, String path) {
    this.base = "http://127.0.0.1:" + port + path + "/";
  }

  record Response(int status, String body) {}

  Response get(String query) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "?" + query)).GET());
  }

  Response post(String query, String body) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "?" + query))
        .header("Content-Type", "text/plain;charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Response method(String method, String query) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + "?" + query))
        .method(method, HttpRequest.BodyPublishers.noBody()));
  }

  CompletableFuture<Response> getAsync(String query) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "?" + query)).timeout(WAIT).GET()
            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Response(r.statusCode(), r.body()));
  }

  private Response send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = http.send(b.timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(r.statusCode(), r.body());
  }

  /** Opens a polling session and returns its sid. */
  String openPolling() throws Exception {
    Response r = get("EIO=4&transport=polling");
    if (r.status() != 200 || !r.body().startsWith("0{")) {
      throw new IllegalStateException("handshake failed: " + r);
    }
    String body = r.body();
    int i = body.indexOf("\"sid\":\"") + 7;
    return body.substring(i, body.indexOf('"', i));
  }

  Ws websocket(String query) throws Exception {
    Ws ws = new Ws();
    ws.socket = http.newWebSocketBuilder().connectTimeout(WAIT)
        .buildAsync(URI.create(base.replace("http:", "ws:") + "?" + query), ws).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return ws;
  }

  /** A WebSocket whose text (String) and binary (byte[]) messages land in a queue. */
  static final class Ws implements WebSocket.Listener {
    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocket socket;
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        messages.add(text.toString());
        text.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      binary.writeBytes(b);
      if (last) {
        messages.add(binary.toByteArray());
        binary.reset();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      closed.complete(-1);
    }

    void send(String s) {
      socket.sendText(s, true).join();
    }

    void sendBinary(byte[] b) {
      socket.sendBinary(ByteBuffer.wrap(b), true).join();
    }

    Object next() throws InterruptedException {
      Object m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no message within " + WAIT.toSeconds() + " s");
      }
      return m;
    }

    String nextText() throws InterruptedException {
      Object m = next();
      if (!(m instanceof String s)) {
        throw new AssertionError("expected text, got binary");
      }
      return s;
    }

    /**
     * Whether the server closes the session within {@code seconds}, its pings answered meanwhile: the suites'
     * heartbeat (300 ms + 200 ms) closes a silent client anyway, whatever it sent, so {@link #awaitClosed} alone
     * would not show that the server refused something.
     */
    boolean closedWhileAlive(int seconds) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (!closed.isDone() && System.nanoTime() < deadline) {
        if ("2".equals(messages.poll(20, TimeUnit.MILLISECONDS))) {
          try {
            send("3");
          } catch (java.util.concurrent.CompletionException e) {
            // closed meanwhile
          }
        }
      }
      return closed.isDone();
    }

    /** Whether the session ends within the suite's wait, for whatever reason (heartbeat included). */
    boolean awaitClosed() {
      try {
        closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return true;
      } catch (Exception e) {
        return false;
      }
    }

    void close() {
      if (!socket.isOutputClosed()) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(t -> null);
      }
      socket.abort();
    }
  }
}
