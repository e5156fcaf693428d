package dev.dingus.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@code dingus.events} as start-up does, from property names to the record. */
class EventsPropertiesTest {

    @Test
    void processedEventIdsAreKeptAWeekAndPrunedHourlyTenThousandAtATimeByDefault() {
        EventsProperties props = bind(Map.of());
        assertThat(props.processedRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(props.processedPruneInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(props.processedPruneBatchSize()).isEqualTo(10_000);
    }

    @Test
    void retentionSettingsAreBoundFromTheirPropertyNames() {
        EventsProperties props = bind(Map.of(
                "dingus.events.processed-retention", "30d",
                "dingus.events.processed-prune-interval", "15m",
                "dingus.events.processed-prune-batch-size", "500"));
        assertThat(props.processedRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(props.processedPruneInterval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(props.processedPruneBatchSize()).isEqualTo(500);
    }

    @Test
    void zeroOrNegativeRetentionSettingsFailTheStartWithThePropertyName() {
        assertRefused("dingus.events.processed-retention", "0s");
        assertRefused("dingus.events.processed-retention", "-7d");
        assertRefused("dingus.events.processed-prune-interval", "0s");
        assertRefused("dingus.events.processed-prune-interval", "-1h");
        assertRefused("dingus.events.processed-prune-batch-size", "0");
        assertRefused("dingus.events.processed-prune-batch-size", "-10");
    }

    @Test
    void relaySettingsHaveDefaultsAndRefuseWhatWouldStallOrSpinTheRelay() {
        EventsProperties props = bind(Map.of());
        assertThat(props.relayInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(props.relayBatchSize()).isEqualTo(200);
        assertThat(props.relayLinger()).isEqualTo(Duration.ofMillis(10));
        assertThat(bind(Map.of("dingus.events.relay-linger", "0s")).relayLinger()).isZero();
        assertRefused("dingus.events.relay-interval", "0s");
        assertRefused("dingus.events.relay-batch-size", "0");
        assertRefused("dingus.events.relay-batch-size", "-5");
        assertThatThrownBy(() -> bind(Map.of("dingus.events.relay-linger", "-1ms")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("dingus.events.relay-linger must not be negative, was PT-0.001S");
    }

    @Test
    void resolvedNamesKeepEveryOtherSetting() {
        EventsProperties props = bind(Map.of("dingus.events.processed-retention", "3d",
                "dingus.events.relay-batch-size", "50"));
        EventsProperties named = props.withNames("an.exchange", "a.queue");
        assertThat(named.exchange()).isEqualTo("an.exchange");
        assertThat(named.queue()).isEqualTo("a.queue");
        assertThat(named).usingRecursiveComparison().ignoringFields("exchange", "queue").isEqualTo(props);
    }

    private static void assertRefused(String name, String value) {
        assertThatThrownBy(() -> bind(Map.of(name, value)))
                .isInstanceOf(BindException.class)
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must be positive, was ");
    }

    private static EventsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dingus.events", EventsProperties.class);
    }
}
