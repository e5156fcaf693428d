package dev.dingus.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.socketio.RawClient.Ws;
import dev.dingus.socketio.engine.OutboundBatch;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server API's promises: limits, CORS, ordering, middleware, disconnect reasons, error answers. */
class ServerApiIT {

  SocketIoServer server;
  RawClient client;

  SocketIoServer start(SocketIoServer.Builder builder, Consumer<SocketIoServer> setup) {
    server = builder.host("127.0.0.1").port(0).build();
    setup.accept(server);
    client = new RawClient(server.start(), "/socket.io");
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  Ws connected(String auth) throws Exception {
    Ws ws = client.websocket("EIO=4&transport=websocket");
    ws.nextText();
    ws.send(auth == null ? "40" : "40" + auth);
    assertThat(ws.nextText()).startsWith("40{\"sid\"");
    return ws;
  }

  record Hello(String name) {}

  @Test
  void eventsOfOneSocketAreHandledOneAtATimeInOrder() throws Exception {
    List<Integer> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> socket.on("n", (so, args, ack) -> {
      int n = args.get(0, Integer.class);
      Thread.sleep(n % 7 == 0 ? 5 : 0); // a slow handler must not let later events overtake it
      seen.add(n);
      if (n == 99) {
        done.complete(null);
      }
    })));
    Ws ws = connected(null);
    for (int i = 0; i < 100; i++) {
      ws.send("42[\"n\"," + i + "]");
    }
    done.get(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(seen).isSortedAccordingTo(Integer::compare).hasSize(100);
    ws.close();
  }

  @Test
  void theInlineFastPathRunsOnTheNetworkThreadAndWhatItDeclinesKeepsItsPlace() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Consumer<Integer> record = n -> {
      seen.add(n + (Thread.currentThread().isVirtual() ? " handler" : " inline"));
      if (n == 59) {
        done.complete(null);
      }
    };
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> socket
        .on("n", (so, args, ack) -> {
          Thread.sleep(3); // a slow handler: the inline-able events behind it must wait their turn
          record.accept(args.get(0, Integer.class));
          ack.send("handled");
        })
        .onInline("n", (so, args, ack) -> {
          int n = args.get(0, Integer.class);
          if (n % 3 == 0) {
            return false;
          }
          record.accept(n);
          ack.send("inline");
          return true;
        })));
    Ws ws = connected(null);
    // Alone, with nothing queued or running: the fast path, on the event loop, and its ack. The connection's
    // lane may still be finishing the CONNECT it just answered; an event that meets it waits its turn instead.
    String first;
    int probe = 100;
    do {
      ws.send("42" + probe + "[\"n\",1]");
      first = ws.nextText();
    } while (!first.endsWith("[\"inline\"]") && ++probe < 120);
    assertThat(first).endsWith("[\"inline\"]");
    assertThat(seen.getLast()).isEqualTo("1 inline");
    seen.clear();
    // A burst behind declined, slow events: everything keeps its place.
    for (int i = 2; i < 60; i++) {
      ws.send("42" + i + "[\"n\"," + i + "]");
    }
    done.get(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(seen).extracting(e -> Integer.parseInt(e.split(" ")[0])).isSortedAccordingTo(Integer::compare).hasSize(58);
    assertThat(seen).filteredOn(e -> Integer.parseInt(e.split(" ")[0]) % 3 == 0).allMatch(e -> e.endsWith("handler"));
    // Every event answered once; acks written from different threads need not leave in order.
    java.util.Map<Integer, String> acks = new java.util.HashMap<>();
    for (int i = 2; i < 60; i++) {
      String ack = ws.nextText();
      acks.put(Integer.parseInt(ack.substring(2, ack.indexOf('['))), ack.substring(ack.indexOf('[')));
    }
    assertThat(acks).hasSize(58);
    acks.forEach((id, answer) -> assertThat(answer).isIn(id % 3 == 0 ? List.of("[\"handled\"]")
        : List.of("[\"handled\"]", "[\"inline\"]")));
    ws.close();
  }

  @Test
  void aBlockedHandlerHoldsUpNeitherTheNetworkNorOtherClients() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> {
      // "wait" blocks until another client's "release" runs: only possible if handlers of different
      // clients run concurrently, off the event loops.
      // Longer than the client waits for "released": handlers run one after another would fail the test.
      socket.on("wait", (so, args, ack) -> ack.send(release.await(2 * RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)));
      socket.on("release", (so, args, ack) -> {
        release.countDown();
        ack.send("released");
      });
    }));
    Ws blocked = connected(null);
    Ws other = connected(null);
    blocked.send("421[\"wait\"]");
    other.send("421[\"release\"]");
    assertThat(other.nextText()).isEqualTo("431[\"released\"]");
    assertThat(blocked.nextText()).isEqualTo("431[true]");
    blocked.close();
    other.close();
  }

  @Test
  void middlewareSeesTheAuthBeforeTheSocketExistsAndEarlyEventsWait() throws Exception {
    BlockingQueue<String> order = new LinkedBlockingQueue<>();
    start(SocketIoServer.builder(), s -> s.namespace("/")
        .use(h -> {
          order.add("middleware " + h.authString("token") + " sockets=" + s.namespace("/").sockets().size());
          Thread.sleep(200);
          return ConnectDecision.accept(h.authString("token"));
        })
        .onConnection(socket -> {
          order.add("connected " + socket.data());
          socket.on("early", (so, args, ack) -> order.add("event"));
        }));
    Ws ws = client.websocket("EIO=4&transport=websocket");
    ws.nextText();
    ws.send("40{\"token\":\"t1\"}");
    ws.send("42[\"early\"]");
    assertThat(order.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("middleware t1 sockets=0");
    assertThat(order.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("connected t1");
    assertThat(order.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("event");
    ws.close();
  }

  @Test
  void aClientWithoutAuthStillGoesThroughTheMiddleware() throws Exception {
    start(SocketIoServer.builder(), s -> s.namespace("/").use(h -> h.authString("token") == null
        ? ConnectDecision.reject("token required") : ConnectDecision.accept()));
    Ws ws = client.websocket("EIO=4&transport=websocket");
    ws.nextText();
    ws.send("40");
    assertThat(ws.nextText()).isEqualTo("44{\"message\":\"token required\"}");
    ws.close();
  }

  @Test
  void typedHandlersAnswerInvalidPayloadsWithAnErrorAck() throws Exception {
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> socket.on("hello", Hello.class,
        (so, hello, ack) -> ack.send("hi " + hello.name()))));
    Ws ws = connected(null);
    ws.send("421[\"hello\",{\"name\":\"ann\"}]");
    assertThat(ws.nextText()).isEqualTo("431[\"hi ann\"]");
    ws.send("422[\"hello\",[1,2]]");
    String answer = ws.nextText();
    assertThat(answer).startsWith("432[{").contains("\"success\":false", "\"code\":\"INVALID_PAYLOAD\"",
        "\"message\":\"'hello' expects a Hello\"");
    ws.close();
  }

  @Test
  void aFailingHandlerAnswersWithAnInternalErrorInsteadOfSilence() throws Exception {
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> socket.on("boom", (so, args, ack) -> {
      throw new IllegalStateException("expected by the test");
    })));
    Ws ws = connected(null);
    ws.send("425[\"boom\"]");
    assertThat(ws.nextText()).contains("\"code\":\"INTERNAL_ERROR\"").startsWith("435[");
    ws.close();
  }

  @Test
  void anUnknownEventWithACallbackIsAnsweredAndWithoutOneIgnored() throws Exception {
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket ->
        socket.on("known", (so, args, ack) -> ack.send("ok"))));
    Ws ws = connected(null);
    ws.send("42[\"nobody-listens\",1]");
    ws.send("427[\"nobody-listens\",1]");
    String answer = ws.nextText();
    assertThat(answer).as("no answer to the event without callback, then the error ack").startsWith("437[{")
        .contains("\"success\":false", "\"code\":\"UNKNOWN_EVENT\"");
    ws.send("428[\"known\"]");
    assertThat(ws.nextText()).isEqualTo("438[\"ok\"]");
    ws.close();
  }

  @Test
  void eventsAboveTheInboundRateAreRefused() throws Exception {
    // Burst 3, then one event per 1000 s: however slowly this machine sends the five, none is refilled.
    start(SocketIoServer.builder().inboundRate(0.001, 3), s -> s.namespace("/").onConnection(socket ->
        socket.on("e", (so, args, ack) -> ack.send("ok"))));
    Ws ws = connected(null);
    for (int i = 1; i <= 5; i++) {
      ws.send("42" + i + "[\"e\"]");
    }
    List<String> answers = List.of(ws.nextText(), ws.nextText(), ws.nextText(), ws.nextText(), ws.nextText());
    assertThat(answers).filteredOn(a -> a.endsWith("[\"ok\"]")).hasSize(3);
    assertThat(answers).filteredOn(a -> a.contains("RATE_LIMITED")).hasSize(2);
    ws.close();
  }

  @Test
  void sessionIdsCarryTheNodeIdForGatewayRouting() throws Exception {
    start(SocketIoServer.builder().sidPrefix("message-2."), s -> { });
    String sid = client.openPolling();
    assertThat(sid).startsWith("message-2.");
    assertThat(client.post("EIO=4&transport=polling&sid=" + sid, "40").body()).isEqualTo("ok");
    assertThat(client.get("EIO=4&transport=polling&sid=" + sid).body()).startsWith("40{\"sid\"");
  }

  @Test
  void handshakesBeyondMaxConnectionsGet503() throws Exception {
    start(SocketIoServer.builder().maxConnections(2), s -> { });
    client.openPolling();
    client.openPolling();
    RawClient.Response third = client.get("EIO=4&transport=polling");
    assertThat(third.status()).isEqualTo(503);
  }

  @Test
  void corsAllowsConfiguredOriginsOnlyAndWebSocketsFromOtherOriginsAreRefused() throws Exception {
    start(SocketIoServer.builder().corsOrigins("http://localhost:5173"), s -> { });
    HttpClient http = HttpClient.newHttpClient();
    String url = "http://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=polling";
    HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Origin", "http://localhost:5173").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains("http://localhost:5173");
    assertThat(allowed.headers().firstValue("access-control-allow-credentials")).contains("true");
    HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(url))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("access-control-allow-methods")).isPresent();
    HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Origin", "http://evil.example").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    CompletableFuture<java.net.http.WebSocket> ws = http.newWebSocketBuilder().header("Origin", "http://evil.example")
        .buildAsync(URI.create(url.replace("http:", "ws:").replace("polling", "websocket")), new Ws());
    assertThat(ws).failsWithin(RawClient.WAIT);
  }

  @Test
  void disconnectReasonsReachTheServer() throws Exception {
    BlockingQueue<DisconnectReason> reasons = new LinkedBlockingQueue<>();
    start(SocketIoServer.builder().heartbeat(Duration.ofMillis(1000), Duration.ofMillis(1000)),
        s -> s.namespace("/").onConnection(socket -> socket.onDisconnect(reasons::add)));
    Ws left = connected(null);
    left.send("41");
    assertThat(reasons.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
    Ws closed = connected(null);
    closed.close();
    assertThat(reasons.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DisconnectReason.TRANSPORT_CLOSE);
    connected(null); // never answers pings
    assertThat(reasons.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PING_TIMEOUT);
    Ws bad = connected(null);
    bad.send("42{}");
    assertThat(reasons.poll(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(DisconnectReason.PARSE_ERROR);
  }

  @Test
  void socketToRoomLeavesTheSenderOut() throws Exception {
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(socket -> {
      socket.join("r");
      socket.on("say", (so, args, ack) -> so.to("r").emit("said", args.string(0)));
    }));
    Ws a = connected(null);
    Ws b = connected(null);
    a.send("42[\"say\",\"hi\"]");
    assertThat(b.nextText()).isEqualTo("42[\"said\",\"hi\"]");
    assertThat(a.messages.poll(300, TimeUnit.MILLISECONDS)).isNull();
    a.close();
    b.close();
  }

  @Test
  void whatABatchSendsLeavesWhenItClosesInOrder() throws Exception {
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    start(SocketIoServer.builder().ioThreads(2), s -> s.namespace("/").onConnection(socket -> {
      socket.join("r");
      sockets.add(socket);
    }));
    List<Ws> clients = List.of(connected(null), connected(null), connected(null));
    long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
    while (sockets.size() < clients.size() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sockets).hasSize(clients.size());
    try (OutboundBatch batch = OutboundBatch.open()) {
      server.to("r").emit("n", 1);
      try (OutboundBatch joined = OutboundBatch.open()) {
        server.to("r").emit("n", 2);
      }
      for (Socket socket : sockets) {
        socket.emit("own", 3);
      }
      // The inner close joined the outer batch: nothing has left yet.
      for (Ws c : clients) {
        assertThat(c.messages.poll(100, TimeUnit.MILLISECONDS)).isNull();
      }
    }
    for (Ws c : clients) {
      assertThat(List.of(c.nextText(), c.nextText(), c.nextText()))
          .containsExactly("42[\"n\",1]", "42[\"n\",2]", "42[\"own\",3]");
      c.close();
    }
  }

  /** Sockets accepted by a server started with {@code sockets::add} as connection handler, once there are {@code n}. */
  static List<Socket> awaitSockets(List<Socket> sockets, int n) throws InterruptedException {
    long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
    while (sockets.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(sockets).hasSize(n);
    return sockets;
  }

  @Test
  void aJoinRacingWithTheDisconnectLeavesNoClosedSocketInARoom() throws Exception {
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(sockets::add));
    int clients = 20;
    for (int i = 0; i < clients; i++) {
      connected(null);
    }
    String[] rooms = IntStream.range(0, 2000).mapToObj(i -> "r" + i).toArray(String[]::new);
    // Platform threads, one per core: the join and the disconnect really run at the same time.
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (Socket socket : awaitSockets(sockets, clients)) {
        CyclicBarrier go = new CyclicBarrier(2);
        Future<?> join = pool.submit(() -> {
          go.await();
          socket.join(rooms);
          return null;
        });
        Future<?> close = pool.submit(() -> {
          go.await();
          socket.disconnect();
          return null;
        });
        join.get();
        close.get();
      }
    }
    for (String room : rooms) {
      assertThat(server.namespace("/").socketsIn(room)).as(room).isEmpty();
    }
    for (Socket socket : sockets) {
      assertThat(socket.rooms()).isEmpty();
    }
  }

  @Test
  void aJoinRacingWithALeaveOfTheSameRoomEndsTheSameInTheSocketAndTheNamespace() throws Exception {
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    start(SocketIoServer.builder(), s -> s.namespace("/").onConnection(sockets::add));
    connected(null);
    Socket socket = awaitSockets(sockets, 1).getFirst();
    int rounds = 20_000;
    CyclicBarrier go = new CyclicBarrier(2);
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Future<?> joins = pool.submit(() -> {
        for (int i = 0; i < rounds; i++) {
          go.await();
          socket.join("x" + i);
        }
        return null;
      });
      Future<?> leaves = pool.submit(() -> {
        for (int i = 0; i < rounds; i++) {
          go.await();
          socket.leave("x" + i);
        }
        return null;
      });
      joins.get();
      leaves.get();
    }
    Namespace nsp = server.namespace("/");
    List<String> differing = IntStream.range(0, rounds).mapToObj(i -> "x" + i)
        .filter(room -> socket.rooms().contains(room) != nsp.socketsIn(room).contains(socket)).toList();
    assertThat(differing).isEmpty();
  }
}
