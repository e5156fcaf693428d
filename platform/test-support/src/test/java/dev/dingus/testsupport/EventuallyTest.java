package dev.dingus.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
    @Test
    void retriesUntilTheAssertionHolds() {
        AtomicInteger attempts = new AtomicInteger();
        Eventually.eventually(Duration.ofSeconds(10), () -> assertThat(attempts.incrementAndGet()).isEqualTo(3));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void throwsTheLastFailureWhenTimeIsUp() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.eventually(Duration.ofMillis(100),
                () -> assertThat(attempts.incrementAndGet()).as("attempt").isNegative()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("attempt");
        assertThat(attempts.get()).isGreaterThan(1);
    }

    @Test
    void duringFailsAsSoonAsTheAssertionStopsHolding() {
        AtomicInteger checks = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.during(Duration.ofSeconds(30),
                () -> assertThat(checks.incrementAndGet()).isLessThan(3)))
                .isInstanceOf(AssertionError.class);
        assertThat(checks).hasValue(3);
    }

    @Test
    void duringChecksAtLeastOnce() {
        AtomicInteger checks = new AtomicInteger();
        Eventually.during(Duration.ZERO, checks::incrementAndGet);
        assertThat(checks).hasValue(1);
    }
}
