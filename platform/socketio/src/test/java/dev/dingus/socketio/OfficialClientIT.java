package dev.dingus.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The server as the official {@code socket.io-client} (npm, 4.x, on Node) sees it. */
class OfficialClientIT {

  static final int MAX_PAYLOAD = 1_000_000;

  SocketIoServer server;
  String url;

  static SocketIoServer testServer(int port) {
    SocketIoServer server = SocketIoServer.builder().host("127.0.0.1").port(port).maxPayload(MAX_PAYLOAD)
        .inboundRate(10_000, 10_000).build();
    server.namespace("/")
        .use(h -> "bad".equals(h.authString("token"))
            ? ConnectDecision.reject("unauthorized", Map.of("code", "AUTH_FAILED", "retry", false))
            : ConnectDecision.accept(h.authString("token")))
        .onConnection(OfficialClientIT::handlers);
    server.namespace("/custom")
        .use(h -> h.authString("token") == null
            ? ConnectDecision.reject("custom namespace needs a token", Map.of("namespace", "/custom"))
            : ConnectDecision.accept())
        .onConnection(OfficialClientIT::handlers);
    return server;
  }

  static void handlers(Socket socket) {
    socket.on("seq", (s, args, ack) -> ack.send(args.node(0)));
    socket.on("echo", (s, args, ack) -> ack.send(args.toArray()));
    socket.on("join", (s, args, ack) -> {
      s.join(args.string(0));
      ack.send(true);
    });
  }

  @BeforeEach
  void start() {
    server = testServer(0);
    url = "http://127.0.0.1:" + server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fiftyClientsEmittingWithAcksDuringTheUpgradeGetEveryAckInOrder() throws Exception {
    JsonNode r = NodeScenario.run("acks-during-upgrade", url, 50);
    System.out.println("acks-during-upgrade: " + r);
    assertThat(r.path("errors").isEmpty()).as(r.toString()).isTrue();
    assertThat(r.path("upgraded").asInt()).as(r.toString()).isEqualTo(50);
    assertThat(r.path("acked").asInt()).isEqualTo(r.path("sent").asInt());
    assertThat(r.path("outOfOrder").asInt()).isZero();
    // The acks really straddled the upgrade: some were sent over polling and still in flight when it happened.
    assertThat(r.path("sentOnPolling").asInt()).isGreaterThanOrEqualTo(250);
    assertThat(r.path("inFlightAtUpgrade").asInt()).isPositive();
  }

  @Test
  void eventsTheServerStreamsFromTheFirstMomentAllArriveInOrder() throws Exception {
    server.namespace("/").onConnection(socket -> Thread.ofVirtual().start(() -> {
      for (int i = 0; i < 300; i++) {
        socket.emit("tick", i);
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }));
    JsonNode r = NodeScenario.run("server-stream", url, 20, 300);
    System.out.println("server-stream: " + r);
    assertThat(r.path("errors").isEmpty()).as(r.toString()).isTrue();
    assertThat(r.path("received").asInt()).as(r.toString()).isEqualTo(20 * 300);
    assertThat(r.path("outOfOrder").asInt()).isZero();
    // (The official client usually finishes its upgrade before the namespace CONNECT comes back, so
    // server-to-client packets crossing the upgrade are proven by the acks of the test above and by
    // EngineProtocolIT's packetsQueuedDuringTheProbeArriveOnTheWebSocketInOrder.)
  }

  @Test
  void binaryRoundTripsUpToMaxPayloadOverWebSocket() throws Exception {
    JsonNode r = NodeScenario.run("binary", url, "websocket", 0, 1, 1024, 65_536, 500_000, MAX_PAYLOAD);
    assertThat(r.path("failed").isEmpty()).as(r.toString()).isTrue();
    assertThat(r.path("ok").size()).isEqualTo(6);
  }

  @Test
  void binaryRoundTripsOverPollingAsLargeAsBase64Allows() throws Exception {
    // Polling carries binary as base64 (4/3 of the size) inside the maxPayload-bounded body.
    JsonNode r = NodeScenario.run("binary", url, "polling", 1, 1024, 65_536, 700_000);
    assertThat(r.path("failed").isEmpty()).as(r.toString()).isTrue();
    assertThat(r.path("ok").size()).isEqualTo(4);
  }

  @Test
  void aMessageAboveMaxPayloadEndsTheConnection() throws Exception {
    JsonNode r = NodeScenario.run("oversize", url, "websocket", MAX_PAYLOAD + 1);
    assertThat(r.path("disconnected").asString()).isEqualTo("transport close");
  }

  @Test
  void rejectedAuthOnTheMainNamespaceGivesConnectErrorWithMessageAndData() throws Exception {
    JsonNode r = NodeScenario.run("auth", url, "/", "bad");
    assertThat(r.path("connected").asBoolean()).isFalse();
    assertThat(r.path("message").asString()).isEqualTo("unauthorized");
    assertThat(r.path("data").path("code").asString()).isEqualTo("AUTH_FAILED");
    assertThat(r.path("data").path("retry").asBoolean(true)).isFalse();
  }

  @Test
  void rejectedAuthOnACustomNamespaceGivesConnectErrorWithMessageAndData() throws Exception {
    JsonNode r = NodeScenario.run("auth", url, "/custom", "-");
    assertThat(r.path("connected").asBoolean()).isFalse();
    assertThat(r.path("message").asString()).isEqualTo("custom namespace needs a token");
    assertThat(r.path("data").path("namespace").asString()).isEqualTo("/custom");
  }

  @Test
  void acceptedAuthConnectsAndTheMiddlewareDataIsOnTheSocket() throws Exception {
    java.util.concurrent.CompletableFuture<Object> data = new java.util.concurrent.CompletableFuture<>();
    server.namespace("/").onConnection(s -> data.complete(s.data()));
    JsonNode r = NodeScenario.run("auth", url, "/", "good-token");
    assertThat(r.path("connected").asBoolean()).isTrue();
    assertThat(data.get(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("good-token");
  }

  @Test
  void clientReconnectsAfterAServerRestart() throws Exception {
    server.close();
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    server = testServer(port);
    server.start();
    String fixedUrl = "http://127.0.0.1:" + port;
    try (NodeScenario client = NodeScenario.start("reconnect", fixedUrl)) {
      client.awaitLine("CONNECTED 1");
      // Stopped once the client is on WebSocket: a stop while it still long-polls (the upgrade comes late on a
      // busy machine) may fall between two polls, which the client can only see as "transport error".
      client.awaitLine("UPGRADED");
      server.close();
      assertThat(client.awaitLine("DISCONNECTED")).isEqualTo("DISCONNECTED transport close");
      server = testServer(port);
      server.start();
      client.awaitLine("CONNECTED 2");
      JsonNode r = client.result();
      assertThat(r.path("ackAfterReconnect").asInt()).isEqualTo(7);
      assertThat(r.path("ids").get(0).asString()).isNotEqualTo(r.path("ids").get(1).asString());
    }
  }

  @Test
  void roomBroadcastReachesTheRoomOnlyAndExceptLeavesSocketsOut() throws Exception {
    try (NodeScenario a = NodeScenario.start("listen", url, "room:1", "news", 2);
        NodeScenario b = NodeScenario.start("listen", url, "room:1", "news", 1);
        NodeScenario other = NodeScenario.start("listen", url, "room:2", "news", 1)) {
      a.awaitLine("READY");
      String bId = b.awaitLine("READY").substring(6);
      String otherId = other.awaitLine("READY").substring(6);
      server.to("room:1").emit("news", "first", 1, null);
      server.to("room:1").except(bId).emit("news", "second", Map.of("k", "v"));
      server.namespace("/").socket(otherId).emit("news", "direct");
      JsonNode ra = a.result();
      assertThat(ra.path("events").toString()).isEqualTo("[[\"first\",1,null],[\"second\",{\"k\":\"v\"}]]");
      assertThat(b.result().path("events").toString()).isEqualTo("[[\"first\",1,null]]");
      assertThat(other.result().path("events").toString()).isEqualTo("[[\"direct\"]]");
    }
  }
}
