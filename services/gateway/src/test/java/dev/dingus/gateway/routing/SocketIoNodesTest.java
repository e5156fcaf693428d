package dev.dingus.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SocketIoNodesTest {
    private static final URI A = URI.create("http://127.0.0.1:3013");
    private static final URI B = URI.create("http://127.0.0.1:3113");

    @Test
    void blankMeansSingleNodeModeWhereTheRouteDecides() {
        SocketIoNodes nodes = SocketIoNodes.parse(" ");
        assertThat(nodes.clustered()).isFalse();
        assertThat(nodes.pick("message-1.abc")).isEmpty();
        assertThat(nodes.pick(null)).isEmpty();
    }

    @Test
    void namedEntriesMapNodeIdsToUrls() {
        SocketIoNodes nodes = SocketIoNodes.parse("alpha=http://127.0.0.1:3013, beta=http://127.0.0.1:3113");
        assertThat(nodes.nodes()).containsExactly(java.util.Map.entry("alpha", A), java.util.Map.entry("beta", B));
    }

    @Test
    void unnamedEntriesAreTheLaunchersMessageNodesByPosition() {
        SocketIoNodes nodes = SocketIoNodes.parse("http://127.0.0.1:3013,http://127.0.0.1:3113");
        assertThat(nodes.pick("message-2.Zx9")).contains(B);
        assertThat(nodes.pick("message-1.Zx9")).contains(A);
    }

    @Test
    void aSidGoesToTheNodeNamedBeforeItsFirstDot() {
        SocketIoNodes nodes = SocketIoNodes.parse("n1=" + A + ",n2=" + B);
        for (int i = 0; i < 5; i++) {
            assertThat(nodes.pick("n2.abc.def")).contains(B);
            assertThat(nodes.pick("n1.x")).contains(A);
        }
    }

    @Test
    void handshakesAndUnknownSidsGoRoundRobin() {
        SocketIoNodes nodes = SocketIoNodes.parse("n1=" + A + ",n2=" + B);
        List<URI> picked = new ArrayList<>();
        for (String sid : new String[] {null, null, "n9.gone", "no-dot", null, ".leading"}) {
            picked.add(nodes.pick(sid).orElseThrow());
        }
        assertThat(picked).containsExactly(A, B, A, B, A, B);
    }

    @Test
    void badSpecsAreRefusedAtStartup() {
        assertThatThrownBy(() -> SocketIoNodes.parse("n1=not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketIoNodes.parse("n1=/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketIoNodes.parse("n1=" + A + ",n1=" + B))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
