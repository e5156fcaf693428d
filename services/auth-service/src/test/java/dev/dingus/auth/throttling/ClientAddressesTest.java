package dev.dingus.auth.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    private final ClientAddresses addresses = new ClientAddresses(
            new ThrottlingProperties(5, null, 30, null, List.of("127.0.0.1", "::1", "10.0.0.0/8")));

    @Test
    void aDirectClientIsItsRemoteAddressWhateverItClaims() {
        assertThat(addresses.resolve("198.51.100.7", null)).isEqualTo("198.51.100.7");
        assertThat(addresses.resolve("198.51.100.7", "1.2.3.4")).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTheGatewayTheClientIsTheHopItAppended() {
        assertThat(addresses.resolve("127.0.0.1", "1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("127.0.0.1", "1.2.3.4, 10.1.2.3")).as("through two trusted proxies").isEqualTo("1.2.3.4");
    }

    @Test
    void hopsTheClientWroteItselfAreIgnored() {
        assertThat(addresses.resolve("127.0.0.1", "203.0.113.9, 1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("127.0.0.1", "evil.example.com, 1.2.3.4")).isEqualTo("1.2.3.4");
    }

    @Test
    void withoutAUsableHopTheProxyItselfIsTheClient() {
        assertThat(addresses.resolve("127.0.0.1", null)).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("127.0.0.1", "  ")).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("127.0.0.1", "unknown")).isEqualTo("127.0.0.1");
    }

    @Test
    void portsBracketsAndMappedAddressesAreNormalised() {
        assertThat(addresses.resolve("::1", "[2001:DB8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(addresses.resolve("127.0.0.1", "1.2.3.4:5555")).isEqualTo("1.2.3.4");
        assertThat(addresses.resolve("::ffff:127.0.0.1", "::ffff:1.2.3.4")).isEqualTo("1.2.3.4");
    }

    @Test
    void headerValuesAreNeverLookedUpAsHostNames() {
        assertThat(ClientAddresses.normalize("localhost")).isNull();
        assertThat(ClientAddresses.normalize("example.com")).isNull();
        assertThat(ClientAddresses.normalize("1.2.3.4")).isEqualTo("1.2.3.4");
    }
}
