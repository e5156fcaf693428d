package dev.dingus.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.socketio.RawClient.Response;
import dev.dingus.socketio.RawClient.Ws;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Socket.IO v5 rules, checked with raw WebSocket and polling requests against the suite's server. */
class SocketIoProtocolIT {

  static SocketIoServer server;
  static RawClient client;

  @BeforeAll
  static void start() {
    server = ConformanceServer.socketIo(0);
    int port = server.start();
    client = new RawClient(port, "/socket.io");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Opens a WebSocket session and consumes the Engine.IO open packet. */
  static Ws open() throws Exception {
    Ws ws = client.websocket("EIO=4&transport=websocket");
    assertThat(ws.nextText()).startsWith("0{");
    return ws;
  }

  /** Next message that is not an Engine.IO ping (answering it, so the session lives). */
  static Object next(Ws ws) throws InterruptedException {
    while (true) {
      Object m = ws.next();
      if ("2".equals(m)) {
        ws.send("3");
        continue;
      }
      return m;
    }
  }

  static String nextText(Ws ws) throws InterruptedException {
    Object m = next(ws);
    assertThat(m).isInstanceOf(String.class);
    return (String) m;
  }

  static Ws connected() throws Exception {
    Ws ws = open();
    ws.send("40");
    assertThat(nextText(ws)).startsWith("40{\"sid\":\"");
    assertThat(nextText(ws)).isEqualTo("42[\"auth\",{}]");
    return ws;
  }

  @Nested
  class Connect {
    @Test
    void connectsToTheMainNamespace() throws Exception {
      Ws ws = open();
      ws.send("40");
      String handshake = nextText(ws);
      assertThat(handshake).matches("40\\{\"sid\":\"[A-Za-z0-9_-]+\"}");
      assertThat(nextText(ws)).isEqualTo("42[\"auth\",{}]");
      ws.close();
    }

    @Test
    void connectsToTheMainNamespaceWithAnAuthPayload() throws Exception {
      Ws ws = open();
      ws.send("40{\"token\":\"123\"}");
      assertThat(nextText(ws)).startsWith("40{\"sid\":");
      assertThat(nextText(ws)).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
      ws.close();
    }

    @Test
    void connectsToACustomNamespace() throws Exception {
      Ws ws = open();
      ws.send("40/custom,");
      assertThat(nextText(ws)).startsWith("40/custom,{\"sid\":");
      assertThat(nextText(ws)).isEqualTo("42/custom,[\"auth\",{}]");
      ws.close();
    }

    @Test
    void connectsToACustomNamespaceWithAnAuthPayload() throws Exception {
      Ws ws = open();
      ws.send("40/custom,{\"token\":\"abc\"}");
      assertThat(nextText(ws)).startsWith("40/custom,{\"sid\":");
      assertThat(nextText(ws)).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
      ws.close();
    }

    @Test
    void refusesAnUnknownNamespace() throws Exception {
      Ws ws = open();
      ws.send("40/random");
      assertThat(nextText(ws)).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
      ws.close();
    }

    @Test
    void closesOnAnInvalidHandshake() throws Exception {
      Ws ws = open();
      ws.send("4abc");
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void closesWhenTheFirstPacketIsNotAConnect() throws Exception {
      Ws ws = open();
      ws.send("42[\"message\",1]");
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void connectsOverPolling() throws Exception {
      String sid = client.openPolling();
      assertThat(client.post("EIO=4&transport=polling&sid=" + sid, "40").body()).isEqualTo("ok");
      Response r = client.get("EIO=4&transport=polling&sid=" + sid);
      assertThat(r.body()).startsWith("40{\"sid\":\"");
    }
  }

  @Nested
  class Disconnect {
    @Test
    void disconnectingFromTheMainNamespaceKeepsTheConnectionUntilTheHeartbeatEnds() throws Exception {
      Ws ws = connected();
      ws.send("41");
      assertThat(ws.nextText()).isEqualTo("2");
      // Not answering pings any more: the engine connection times out.
      assertThat(ws.awaitClosed()).isTrue();
    }

    @Test
    void disconnectingFromACustomNamespaceKeepsTheMainOne() throws Exception {
      Ws ws = connected();
      ws.send("40/custom,");
      assertThat(nextText(ws)).startsWith("40/custom,");
      assertThat(nextText(ws)).startsWith("42/custom,[\"auth\"");
      ws.send("41/custom,");
      ws.send("42[\"message\",\"message to main namespace\"]");
      assertThat(nextText(ws)).isEqualTo("42[\"message-back\",\"message to main namespace\"]");
      ws.close();
    }

    @Test
    void serverDisconnectSendsADisconnectPacket() throws Exception {
      SocketIoServer s = SocketIoServer.builder().host("127.0.0.1").port(0).build();
      s.namespace("/").onConnection(socket -> socket.on("bye", (so, args, ack) -> so.disconnect()));
      try {
        RawClient c = new RawClient(s.start(), "/socket.io");
        Ws ws = c.websocket("EIO=4&transport=websocket");
        ws.nextText();
        ws.send("40");
        assertThat(ws.nextText()).startsWith("40{");
        ws.send("42[\"bye\"]");
        assertThat(ws.nextText()).isEqualTo("41");
        ws.close();
      } finally {
        s.close();
      }
    }
  }

  @Nested
  class Messages {
    @Test
    void plainTextEventWithAnyArguments() throws Exception {
      Ws ws = connected();
      ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
      assertThat(nextText(ws)).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
      ws.close();
    }

    @Test
    void nullArgumentsSurviveAtTopLevel() throws Exception {
      Ws ws = connected();
      ws.send("42[\"message\",null,1,null]");
      assertThat(nextText(ws)).isEqualTo("42[\"message-back\",null,1,null]");
      ws.close();
    }

    @Test
    void eventWithBinaryAttachments() throws Exception {
      Ws ws = connected();
      ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      ws.sendBinary(new byte[] {1, 2, 3});
      ws.sendBinary(new byte[] {4, 5, 6});
      assertThat(nextText(ws)).isEqualTo(
          "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      assertThat((byte[]) next(ws)).containsExactly(1, 2, 3);
      assertThat((byte[]) next(ws)).containsExactly(4, 5, 6);
      ws.close();
    }

    @Test
    void eventWithAnAck() throws Exception {
      Ws ws = connected();
      ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
      assertThat(nextText(ws)).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
      ws.close();
    }

    @Test
    void binaryEventWithAnAckGetsABinaryAck() throws Exception {
      Ws ws = connected();
      ws.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      ws.sendBinary(new byte[] {1, 2, 3});
      ws.sendBinary(new byte[] {4, 5, 6});
      assertThat(nextText(ws)).isEqualTo("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      assertThat((byte[]) next(ws)).containsExactly(1, 2, 3);
      assertThat((byte[]) next(ws)).containsExactly(4, 5, 6);
      ws.close();
    }

    @Test
    void eventOnACustomNamespaceWithAnAck() throws Exception {
      Ws ws = open();
      ws.send("40/custom,");
      nextText(ws);
      nextText(ws);
      ws.send("42/custom,7[\"message-with-ack\",\"x\"]");
      assertThat(nextText(ws)).isEqualTo("43/custom,7[\"x\"]");
      ws.close();
    }

    /** Each a packet the protocol does not allow after the connect: the server closes the session. */
    @ParameterizedTest(name = "closes on {0}")
    @CsvSource(delimiter = '|', textBlock = """
        an unknown packet type      | 4abc
        a payload that is no array  | 42{}
        an empty event array        | 42[]
        an invalid ack id           | 42abc["message-with-ack",1,"2",{"3":[false]}]
        a reserved event name       | 42["disconnect"]
        """)
    void closesOnAPacketTheProtocolDoesNotAllow(String what, String packet) throws Exception {
      Ws ws = connected();
      ws.send(packet);
      assertThat(ws.closedWhileAlive(3)).as(what).isTrue();
    }

    @Test
    void closesOnMoreAttachmentsThanAPacketMayHaveEvenBeforeConnecting() throws Exception {
      Ws ws = open();
      ws.send("451000-[\"x\",{\"_placeholder\":true,\"num\":0}]");
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void closesWhenAPacketsAttachmentsTogetherExceedTheMaximumPayload() throws Exception {
      // Each frame is below the server's maxPayload (1 MB), the two together are not.
      Ws ws = connected();
      ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      ws.sendBinary(new byte[600_000]);
      ws.sendBinary(new byte[600_000]);
      assertThat(ws.closedWhileAlive(3)).isTrue();
    }

    @Test
    void attachmentsWithinTheMaximumPayloadStayWelcome() throws Exception {
      Ws ws = connected();
      ws.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
      ws.sendBinary(new byte[400_000]);
      ws.sendBinary(new byte[400_000]);
      assertThat(nextText(ws)).startsWith("452-[\"message-back\"");
      assertThat((byte[]) next(ws)).hasSize(400_000);
      assertThat((byte[]) next(ws)).hasSize(400_000);
      assertThat(ws.closedWhileAlive(1)).isFalse();
      ws.close();
    }

    @Test
    void binaryAttachmentsOverPollingAreBase64() throws Exception {
      String sid = client.openPolling();
      String q = "EIO=4&transport=polling&sid=" + sid;
      client.post(q, "40");
      String connect = client.get(q).body();
      assertThat(connect).startsWith("40{\"sid\"");
      client.post(q, "451-[\"message\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==");
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("bAQIDBA==")) {
        seen.append(client.get(q).body()).append('|');
      }
      assertThat(seen.toString()).contains(
          "451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]\u001ebAQIDBA==");
    }
  }

  @Nested
  class ServerToClientAcks {
    @Test
    void emitWithAckExpectationRoundTrip() throws Exception {
      Ws ws = connected();
      ws.send("42[\"emit-with-ack\",1,\"2\",{\"3\":[true]}]");
      assertThat(nextText(ws)).isEqualTo("421[\"emit-with-ack\",1,\"2\",{\"3\":[true]}]");
      ws.send("431[1,\"2\",{\"3\":[true]}]");
      assertThat(nextText(ws)).isEqualTo("42[\"emit-with-ack\",1,\"2\",{\"3\":[true]}]");
      ws.close();
    }

    @Test
    void emitWithABinaryAckExpectationRoundTrip() throws Exception {
      String data = "{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1},\"test\"";
      Ws ws = connected();
      ws.send("452-[\"emit-with-ack\"," + data + "]");
      ws.sendBinary(new byte[] {1, 2, 3});
      ws.sendBinary(new byte[] {4, 5, 6});
      assertThat(nextText(ws)).isEqualTo("452-1[\"emit-with-ack\"," + data + "]");
      assertThat((byte[]) next(ws)).containsExactly(1, 2, 3);
      assertThat((byte[]) next(ws)).containsExactly(4, 5, 6);
      ws.send("462-1[" + data + "]");
      ws.sendBinary(new byte[] {1, 2, 3});
      ws.sendBinary(new byte[] {4, 5, 6});
      assertThat(nextText(ws)).isEqualTo("452-[\"emit-with-ack\"," + data + "]");
      assertThat((byte[]) next(ws)).containsExactly(1, 2, 3);
      assertThat((byte[]) next(ws)).containsExactly(4, 5, 6);
      ws.close();
    }

    @Test
    void serverEmitWithAckCompletesWithTheClientsArguments() throws Exception {
      SocketIoServer s = SocketIoServer.builder().host("127.0.0.1").port(0).build();
      java.util.concurrent.CompletableFuture<Args> answer = new java.util.concurrent.CompletableFuture<>();
      s.namespace("/").onConnection(socket -> socket.emitWithAck("question", java.time.Duration.ofSeconds(5), 42)
          .whenComplete((a, t) -> {
            if (t != null) {
              answer.completeExceptionally(t);
            } else {
              answer.complete(a);
            }
          }));
      try {
        RawClient c = new RawClient(s.start(), "/socket.io");
        Ws ws = c.websocket("EIO=4&transport=websocket");
        ws.nextText();
        ws.send("40");
        ws.nextText();
        assertThat(ws.nextText()).isEqualTo("421[\"question\",42]");
        ws.send("431[\"answer\",null]");
        Args args = answer.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(args.string(0)).isEqualTo("answer");
        assertThat(args.node(1).isNull()).isTrue();
        ws.close();
      } finally {
        s.close();
      }
    }

    @Test
    void serverEmitWithAckTimesOut() throws Exception {
      SocketIoServer s = SocketIoServer.builder().host("127.0.0.1").port(0).build();
      java.util.concurrent.CompletableFuture<Throwable> failure = new java.util.concurrent.CompletableFuture<>();
      s.namespace("/").onConnection(socket -> socket.emitWithAck("question", java.time.Duration.ofMillis(200))
          .whenComplete((a, t) -> failure.complete(t)));
      try {
        RawClient c = new RawClient(s.start(), "/socket.io");
        Ws ws = c.websocket("EIO=4&transport=websocket");
        ws.nextText();
        ws.send("40");
        assertThat(failure.get(5, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(AckTimeoutException.class);
        ws.close();
      } finally {
        s.close();
      }
    }
  }
}
