package dev.dingus.messages.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WriterThreadsTest {

    @Test
    void aConfiguredCountIsTakenAsIs() {
        assertThat(new MessagesProperties.Writer(3, 256, Duration.ofMillis(1), 100).threads()).isEqualTo(3);
    }

    @Test
    void zeroMeansOnePerTwoCoresAndAtLeastOne() {
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertThat(new MessagesProperties.Writer(0, 256, Duration.ofMillis(1), 100).threads()).isEqualTo(expected);
    }
}
