package dev.dingus.gateway.clientaddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {
    private final ClientAddresses loopbackTrusted = new ClientAddresses(
            new TrustedProxiesSettings(List.of("127.0.0.0/8", "::1", "10.0.0.0/8")));

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        return MockServerHttpRequest.get("/api/v1/auth/login")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header("X-Forwarded-For", forwardedFor).build();
    }

    @Test
    void aTrustedPeersChainIsKeptAndThePeerAppended() {
        MockServerHttpRequest request = from("127.0.0.1", "198.51.100.7");
        assertThat(loopbackTrusted.forwardedFor(request)).isEqualTo("198.51.100.7, 127.0.0.1");
        assertThat(loopbackTrusted.clientOf(request)).isEqualTo("198.51.100.7");
    }

    @Test
    void theClientIsTheRightmostHopThatIsNotATrustedProxy() {
        MockServerHttpRequest request = from("127.0.0.1", "6.6.6.6, 198.51.100.7", "10.1.2.3");
        assertThat(loopbackTrusted.clientOf(request)).as("6.6.6.6 was written by the client").isEqualTo("198.51.100.7");
        assertThat(loopbackTrusted.forwardedFor(request)).isEqualTo("6.6.6.6, 198.51.100.7, 10.1.2.3, 127.0.0.1");
    }

    @Test
    void anUntrustedPeersChainIsReplacedByThePeer() {
        MockServerHttpRequest request = from("203.0.113.9", "6.6.6.6");
        assertThat(loopbackTrusted.forwardedFor(request)).isEqualTo("203.0.113.9");
        assertThat(loopbackTrusted.clientOf(request)).isEqualTo("203.0.113.9");
    }

    @Test
    void withoutAChainTheClientIsThePeer() {
        MockServerHttpRequest request = from("127.0.0.1");
        assertThat(loopbackTrusted.forwardedFor(request)).isEqualTo("127.0.0.1");
        assertThat(loopbackTrusted.clientOf(request)).isEqualTo("127.0.0.1");
    }

    @Test
    void garbageStopsTheWalkAndHostNamesAreNeverResolved() {
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "198.51.100.7, localhost"))).isEqualTo("127.0.0.1");
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "198.51.100.7, 10.0.0.1, unknown, 10.0.0.2")))
                .as("all trusted up to the garbage: the leftmost trusted hop").isEqualTo("10.0.0.2");
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "999.1.1.1"))).isEqualTo("127.0.0.1");
    }

    @Test
    void portsBracketsAndSpellingsOfOneAddressGiveOneClient() {
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "198.51.100.7:5555"))).isEqualTo("198.51.100.7");
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "[2001:db8::1]:443")))
                .isEqualTo(loopbackTrusted.clientOf(from("127.0.0.1", "2001:0db8:0:0:0:0:0:1")));
        assertThat(loopbackTrusted.clientOf(from("127.0.0.1", "::ffff:198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(loopbackTrusted.forwardedFor(from("::1", "198.51.100.7"))).as("IPv6 loopback is trusted")
                .isEqualTo("198.51.100.7, 0:0:0:0:0:0:0:1");
    }

    @Test
    void cidrRangesMatchByPrefix() {
        ClientAddresses slash12 = new ClientAddresses(new TrustedProxiesSettings(List.of("172.16.0.0/12")));
        assertThat(slash12.clientOf(from("172.31.255.254", "198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(slash12.clientOf(from("172.32.0.1", "198.51.100.7"))).isEqualTo("172.32.0.1");
        assertThat(slash12.clientOf(from("127.0.0.1", "198.51.100.7"))).as("loopback not listed").isEqualTo("127.0.0.1");
    }

    @Test
    void anEmptyListTrustsNoOne() {
        ClientAddresses none = new ClientAddresses(new TrustedProxiesSettings(List.of()));
        assertThat(none.forwardedFor(from("127.0.0.1", "198.51.100.7"))).isEqualTo("127.0.0.1");
    }

    @Test
    void aHostNameOrBadRangeInTheConfigurationFailsAtStartup() {
        for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "::1/129", "10.0.0.0/x"}) {
            assertThatThrownBy(() -> new ClientAddresses(new TrustedProxiesSettings(List.of(bad))))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trusted-proxies");
        }
    }
}
