package dev.dingus.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.gateway.support.GatewayTestBase;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Socket.IO in cluster mode (nodes n1 and n2): long-polling and WebSocket follow the sid's node. */
class SocketIoRoutingIT extends GatewayTestBase {

    @Test
    void handshakesWithoutSidAreSpreadOverTheNodes() {
        Set<String> nodes = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(echo(http.get("/socket.io/?EIO=4&transport=polling")).path("service").asString());
        }
        assertThat(nodes).containsExactlyInAnyOrder("node-1", "node-2");
    }

    @Test
    void pollingWithASidGoesToTheNodeThatOwnsIt() {
        for (int i = 0; i < 3; i++) {
            assertThat(echo(http.get("/socket.io/?EIO=4&transport=polling&sid=n2.abcDEF")).path("service").asString())
                    .isEqualTo("node-2");
            assertThat(echo(http.get("/socket.io/?EIO=4&transport=polling&sid=n1.xyz")).path("service").asString())
                    .isEqualTo("node-1");
        }
    }

    @Test
    void theQueryReachesTheNodeUnchanged() {
        assertThat(echo(http.get("/socket.io/?EIO=4&transport=polling&sid=n2.a-b_c&t=PxYz")).path("query").asString())
                .isEqualTo("EIO=4&transport=polling&sid=n2.a-b_c&t=PxYz");
    }

    @Test
    void aWebSocketUpgradeIsProxiedToTheSidsNode() {
        assertThat(echoOverWebSocket("/socket.io/?EIO=4&transport=websocket&sid=n2.abc", "2probe")).isEqualTo("node-2:2probe");
        assertThat(echoOverWebSocket("/socket.io/?EIO=4&transport=websocket&sid=n1.abc", "2probe")).isEqualTo("node-1:2probe");
    }

    @Test
    void aWebSocketWithoutSidReachesSomeNode() {
        assertThat(echoOverWebSocket("/socket.io/?EIO=4&transport=websocket", "40")).matches("node-[12]:40");
    }

    private String echoOverWebSocket(String path, String frame) {
        return HttpClient.create()
                .websocket()
                .uri("ws://localhost:" + port + path)
                .handle((in, out) -> out.sendString(Mono.just(frame))
                        .then()
                        .thenMany(in.receive().asString().take(1)))
                .blockFirst(Duration.ofSeconds(60));
    }
}
