package dev.dingus.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.socketio.RawClient.Response;
import dev.dingus.socketio.RawClient.Ws;
import dev.dingus.socketio.engine.EngineServer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO v4 rules, checked with raw HTTP and WebSocket requests against an echo server
 * (ping interval 300 ms, ping timeout 200 ms), one test per rule of the protocol.
 */
class EngineProtocolIT {

  static EngineServer server;
  static RawClient client;
  static int port;

  @BeforeAll
  static void start() {
    server = ConformanceServer.engineEcho();
    port = server.start("127.0.0.1", 0, 2);
    client = new RawClient(port, "/engine.io");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String sid(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  @Nested
  class Handshake {
    @Test
    void pollingHandshakeAnnouncesSidUpgradesHeartbeatAndMaxPayload() throws Exception {
      Response r = client.get("EIO=4&transport=polling");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body()).startsWith("0{\"sid\":\"")
          .contains("\"upgrades\":[\"websocket\"]", "\"pingInterval\":300", "\"pingTimeout\":200",
              "\"maxPayload\":1000000");
    }

    @Test
    void badOrMissingEioIsRejectedWith400() throws Exception {
      assertThat(client.get("transport=polling").status()).isEqualTo(400);
      assertThat(client.get("EIO=abc&transport=polling").status()).isEqualTo(400);
      Response v3 = client.get("EIO=3&transport=polling");
      assertThat(v3.status()).isEqualTo(400);
      assertThat(v3.body()).isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    }

    @Test
    void badOrMissingTransportIsRejectedWith400() throws Exception {
      assertThat(client.get("EIO=4").status()).isEqualTo(400);
      Response r = client.get("EIO=4&transport=abc");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
    }

    @Test
    void handshakeWithAnotherMethodThanGetIsRejectedWith400() throws Exception {
      Response post = client.post("EIO=4&transport=polling", "");
      assertThat(post.status()).isEqualTo(400);
      assertThat(post.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
      assertThat(client.method("PUT", "EIO=4&transport=polling").status()).isEqualTo(400);
    }

    @Test
    void unknownSidIsRejectedWith400() throws Exception {
      Response r = client.get(sid("nope"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
      assertThat(client.post(sid("nope"), "4x").status()).isEqualTo(400);
    }

    @Test
    void wrongMethodOnASessionIsRejectedWith400() throws Exception {
      String sid = client.openPolling();
      assertThat(client.method("PUT", sid(sid)).status()).isEqualTo(400);
    }

    @Test
    void webSocketHandshakeAnnouncesNoUpgrades() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      String open = ws.nextText();
      assertThat(open).startsWith("0{\"sid\":\"").contains("\"upgrades\":[]", "\"pingInterval\":300",
          "\"pingTimeout\":200", "\"maxPayload\":1000000");
      ws.close();
    }

    @Test
    void webSocketWithBadEioOrTransportIsRefused() {
      for (String q : new String[] {"transport=websocket", "EIO=abc&transport=websocket", "EIO=4",
          "EIO=4&transport=abc"}) {
        CompletableFuture<Ws> attempt = CompletableFuture.supplyAsync(() -> {
          try {
            return client.websocket(q);
          } catch (Exception e) {
            return null;
          }
        });
        assertThat(attempt.join()).as(q).isNull();
      }
    }

    @Test
    void pathOutsideTheEnginePathIs404() throws Exception {
      assertThat(new RawClient(port, "/other").get("EIO=4&transport=polling").status()).isEqualTo(404);
    }
  }

  @Nested
  class Messages {
    @Test
    void pollingEchoesOnePacket() throws Exception {
      String sid = client.openPolling();
      Response push = client.post(sid(sid), "4hello");
      assertThat(push.status()).isEqualTo(200);
      assertThat(push.body()).isEqualTo("ok");
      assertThat(withoutPings(client.get(sid(sid)).body())).isEqualTo("4hello");
    }

    @Test
    void pollingPayloadUsesTheRecordSeparator() throws Exception {
      String sid = client.openPolling();
      assertThat(client.post(sid(sid), "4test1\u001e4test2\u001e4test3").body()).isEqualTo("ok");
      assertThat(withoutPings(client.get(sid(sid)).body())).isEqualTo("4test1\u001e4test2\u001e4test3");
    }

    @Test
    void pollingCarriesBinaryAsBase64() throws Exception {
      String sid = client.openPolling();
      assertThat(client.post(sid(sid), "4hello\u001ebAQIDBA==").body()).isEqualTo("ok");
      assertThat(withoutPings(client.get(sid(sid)).body())).isEqualTo("4hello\u001ebAQIDBA==");
    }

    @Test
    void invalidPollingPacketClosesTheSession() throws Exception {
      String sid = client.openPolling();
      assertThat(client.post(sid(sid), "abc").status()).isEqualTo(400);
      assertThat(client.get(sid(sid)).status()).isEqualTo(400);
    }

    @Test
    void duplicatePollClosesTheSession() throws Exception {
      String sid = client.openPolling();
      CompletableFuture<Response> first = client.getAsync(sid(sid));
      Thread.sleep(50);
      Response second = client.get(sid(sid) + "&t=burst");
      assertThat(second.status()).isEqualTo(400);
      assertThat(first.get().status()).isEqualTo(200);
      assertThat(first.get().body()).isEqualTo("1");
      assertThat(client.get(sid(sid)).status()).isEqualTo(400);
    }

    @Test
    void webSocketEchoesText() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      ws.send("4hello");
      assertThat(ws.nextText()).isEqualTo("4hello");
      ws.close();
    }

    @Test
    void webSocketEchoesBinary() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      ws.sendBinary(new byte[] {1, 2, 3, 4});
      assertThat((byte[]) ws.next()).containsExactly(1, 2, 3, 4);
      ws.close();
    }

    @Test
    void invalidWebSocketPacketClosesTheConnection() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      ws.send("abc");
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void webSocketMessageAboveMaxPayloadClosesTheConnection() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      // The server may cut the connection while the frame is still being written.
      ws.socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[1_000_001]), true).exceptionally(t -> null);
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void pollingBodyAboveMaxPayloadIsRefused() throws Exception {
      String sid = client.openPolling();
      Response r = client.post(sid(sid), "4" + "x".repeat(1_000_001));
      assertThat(r.status()).isEqualTo(413);
    }
  }

  @Nested
  class Heartbeat {
    @Test
    void pollingSessionIsPingedAndStaysOpenWhileItAnswers() throws Exception {
      String sid = client.openPolling();
      for (int i = 0; i < 3; i++) {
        Response poll = client.get(sid(sid));
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.body()).isEqualTo("2");
        assertThat(client.post(sid(sid), "3").status()).isEqualTo(200);
      }
    }

    @Test
    void pollingSessionClosesOnPingTimeout() throws Exception {
      String sid = client.openPolling();
      Thread.sleep(300 + 200 + 300); // ping interval + ping timeout, plus slack for a busy machine
      Response r = client.get(sid(sid));
      assertThat(r.status() == 400 || (r.status() == 200 && r.body().equals("1"))).as(r.toString()).isTrue();
    }

    @Test
    void webSocketSessionIsPingedAndStaysOpenWhileItAnswers() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      for (int i = 0; i < 3; i++) {
        assertThat(ws.nextText()).isEqualTo("2");
        ws.send("3");
      }
      assertThat(ws.closed).isNotDone();
      ws.close();
    }

    @Test
    void webSocketSessionClosesOnPingTimeout() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      assertThat(ws.awaitClosed()).isTrue();
    }
  }

  @Nested
  class Close {
    @Test
    void pollingClientCloseEndsTheSessionAndAnswersThePendingPollWithNoop() throws Exception {
      String sid = client.openPolling();
      CompletableFuture<Response> poll = client.getAsync(sid(sid));
      Thread.sleep(50);
      client.post(sid(sid), "1");
      assertThat(poll.get().status()).isEqualTo(200);
      assertThat(poll.get().body()).isEqualTo("6");
      assertThat(client.get(sid(sid)).status()).isEqualTo(400);
    }

    @Test
    void webSocketClientCloseEndsTheConnection() throws Exception {
      Ws ws = client.websocket("EIO=4&transport=websocket");
      ws.nextText();
      ws.send("1");
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }
  }

  @Nested
  class Upgrade {
    @Test
    void probeThenUpgradeMovesTheSessionToWebSocket() throws Exception {
      String sid = client.openPolling();
      Ws ws = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      Response poll = client.get(sid(sid));
      assertThat(poll.body()).isEqualTo("6");
      ws.send("5");
      ws.send("4hello");
      assertThat(ws.nextText()).isEqualTo("4hello");
      ws.close();
    }

    @Test
    void pollsDuringTheUpgradeAreAnsweredWithNoop() throws Exception {
      String sid = client.openPolling();
      Ws ws = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      for (int i = 0; i < 5; i++) {
        Response r = client.get(sid(sid));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("6");
      }
      ws.send("2probe");
      ws.send("5");
      assertThat(ws.nextText()).isEqualTo("3probe");
      ws.close();
    }

    @Test
    void pollingAfterTheUpgradeIsRejectedButTheSessionLives() throws Exception {
      String sid = client.openPolling();
      Ws ws = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      ws.send("2probe");
      ws.send("5");
      assertThat(ws.nextText()).isEqualTo("3probe");
      assertThat(client.get(sid(sid)).status()).isEqualTo(400);
      ws.send("4hello");
      assertThat(ws.nextText()).isEqualTo("4hello");
      ws.close();
    }

    @Test
    void secondWebSocketForAnUpgradedSessionIsClosed() throws Exception {
      String sid = client.openPolling();
      Ws ws = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      ws.send("2probe");
      ws.send("5");
      assertThat(ws.nextText()).isEqualTo("3probe");
      Ws second = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      assertThat(second.closedWhileAlive(3)).isTrue();
      ws.send("4hello");
      assertThat(ws.nextText()).isEqualTo("4hello");
      ws.close();
    }

    @Test
    void packetsQueuedDuringTheProbeArriveOnTheWebSocketInOrder() throws Exception {
      String sid = client.openPolling();
      Ws ws = client.websocket("EIO=4&transport=websocket&sid=" + sid);
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      // Echoed over polling while the probe is open, but nobody polls: they must move to the WebSocket.
      client.post(sid(sid), "4one\u001e4two\u001e4three");
      ws.send("5");
      assertThat(ws.nextText()).isEqualTo("4one");
      assertThat(ws.nextText()).isEqualTo("4two");
      assertThat(ws.nextText()).isEqualTo("4three");
      ws.close();
    }
  }

  /**
   * The suite's 300 ms ping interval means a ping may already wait in the poll on a loaded machine;
   * message tests compare only what the client sent.
   */
  private static String withoutPings(String payload) {
    return java.util.Arrays.stream(payload.split("\u001e")).filter(p -> !p.equals("2"))
        .collect(java.util.stream.Collectors.joining("\u001e"));
  }
}
