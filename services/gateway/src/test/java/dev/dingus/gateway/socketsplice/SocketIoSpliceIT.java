package dev.dingus.gateway.socketsplice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import dev.dingus.gateway.support.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import tools.jackson.databind.JsonNode;

/**
 * Socket.IO WebSocket upgrades are spliced to their node (cluster mode: nodes n1 and n2): the node sees the gateway's
 * headers and the client's own Host (Spring Cloud Gateway's proxy would have put the node's address there), frames
 * pass both ways unchanged, and whatever the gateway would refuse or answer itself still goes its usual way.
 */
class SocketIoSpliceIT extends GatewayTestBase {
    @Test
    void theNodeSeesTheGatewaysHeadersAndTheClientsHost() {
        JsonNode headers = Http.json(exchange(HttpClient.create().headers(h -> h
                        .set("X-Forwarded-For", "203.0.113.7")
                        .set("X-Forwarded-Host", "forged.example")
                        .set("Forwarded", "for=forged")
                        .set("X-Request-Id", "splice-test-1")),
                "/socket.io/?EIO=4&transport=websocket&sid=n2.abc", List.of("headers")).getFirst()
                .substring("node-2:".length()));

        assertThat(headers.path("host").asString()).isEqualTo("localhost:" + port);
        // 127.0.0.1 is a trusted proxy in these tests, so the chain is kept and the peer appended.
        assertThat(headers.path("x-forwarded-for").asString()).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(headers.path("x-forwarded-host").asString()).isEqualTo("localhost:" + port);
        assertThat(headers.path("x-forwarded-proto").asString()).isEqualTo("http");
        assertThat(headers.path("x-forwarded-port").asString()).isEqualTo(Integer.toString(port));
        assertThat(headers.path("x-request-id").asString()).isEqualTo("splice-test-1");
        assertThat(headers.has("forwarded")).isFalse();
        assertThat(headers.path("upgrade").asString()).isEqualToIgnoringCase("websocket");
    }

    @Test
    void aBadRequestIdIsReplacedByTheGatewaysOwn() {
        JsonNode headers = Http.json(exchange(HttpClient.create().headers(h -> h.set("X-Request-Id", "no spaces!")),
                "/socket.io/?EIO=4&transport=websocket&sid=n1.abc", List.of("headers")).getFirst()
                .substring("node-1:".length()));

        assertThat(headers.path("x-request-id").asString()).matches("[0-9a-f-]{36}");
    }

    @Test
    void framesPassBothWaysInOrderWhateverTheirSize() {
        String big = "x".repeat(60_000);
        List<String> sent = IntStream.range(0, 500).mapToObj(i -> i == 250 ? big : "frame-" + i).toList();

        List<String> echoed = exchange(HttpClient.create(), "/socket.io/?EIO=4&transport=websocket&sid=n1.abc", sent);

        assertThat(echoed).containsExactlyElementsOf(sent.stream().map(s -> "node-1:" + s).toList());
    }

    @Test
    void whenTheNodeClosesTheClientIsClosedToo() {
        List<String> echoed = HttpClient.create().websocket()
                .uri("ws://localhost:" + port + "/socket.io/?EIO=4&transport=websocket&sid=n2.abc")
                .handle((in, out) -> out.sendString(Flux.just("one", "close", "never answered")).then()
                        .thenMany(in.receive().asString()))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(echoed).containsExactly("node-2:one");
    }

    @Test
    void anAllowedOriginIsSpliced() throws IOException {
        String answer = RawUpgrade.send(port, "/socket.io/?EIO=4&transport=websocket&sid=n1.abc",
                "Origin: " + ALLOWED_ORIGIN + "\r\n");

        assertSpliced(answer);
    }

    @Test
    void theGatewaysOwnOriginIsSpliced() throws IOException {
        String answer = RawUpgrade.send(port, "/socket.io/?EIO=4&transport=websocket&sid=n1.abc",
                "Origin: http://localhost:" + port + "\r\n");

        assertSpliced(answer);
    }

    @Test
    void aForeignOriginIsRefusedByTheGatewayAsBefore() throws IOException {
        String answer = RawUpgrade.send(port, "/socket.io/?EIO=4&transport=websocket&sid=n1.abc",
                "Origin: http://evil.example\r\n");

        assertThat(answer).startsWith("HTTP/1.1 403").contains("application/problem+json").contains("\"forbidden\"");
    }

    @Test
    void theNodesRefusalReachesTheClient() throws IOException {
        String answer = RawUpgrade.send(port, "/socket.io/?EIO=4&transport=websocket&sid=n2.abc&refuse=1", "");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("Bad request");
    }

    @Test
    void anUpgradeWhoseHeadArrivesInPiecesIsStillSpliced() throws IOException, InterruptedException {
        String head = "GET /socket.io/?EIO=4&transport=websocket&sid=n2.abc HTTP/1.1\r\nHost: localhost:" + port
                + "\r\n" + RawUpgrade.HEADERS + "\r\n";

        assertSpliced(RawUpgrade.sendInPieces(port, head, 7));
    }

    @Test
    void otherRequestsArrivingInPiecesAreServedAsBefore() throws IOException, InterruptedException {
        String head = "GET /socket.io/?EIO=4&transport=polling&sid=n2.abc HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\n\r\n";

        assertThat(RawUpgrade.sendInPieces(port, head, 5)).startsWith("HTTP/1.1 200").contains("\"service\":\"node-2\"");
    }

    @Test
    void anUnusualUpgradeHeadIsLeftToTheGateway() throws IOException {
        // A folded header line: not something the splice forwards; Spring Cloud Gateway's proxy takes it.
        String answer = RawUpgrade.send(port, "/socket.io/?EIO=4&transport=websocket&sid=n1.abc", "X-Folded: a\r\n b\r\n");

        assertThat(answer).startsWith("HTTP/1.1 101").contains("X-Content-Type-Options: nosniff");
    }

    /** The node's own 101 reached the client: the gateway's proxy would have added its security headers. */
    private static void assertSpliced(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 101").doesNotContain("X-Content-Type-Options");
    }

    /** Opens a WebSocket through the gateway, sends the frames and collects as many answers. */
    private List<String> exchange(HttpClient client, String path, List<String> frames) {
        return client.websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
                .uri("ws://localhost:" + port + path)
                .handle((in, out) -> out.sendString(Flux.fromIterable(frames)).then()
                        .thenMany(in.receive().asString().take(frames.size())))
                .collectList()
                .block(Duration.ofSeconds(60));
    }
}
