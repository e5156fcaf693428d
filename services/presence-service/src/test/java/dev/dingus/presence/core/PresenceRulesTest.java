package dev.dingus.presence.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceRulesTest {
    private static final Instant NOW = Instant.parse("2026-01-10T12:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(5);

    @Test
    void withoutAnOpenSocketEveryoneIsOffline() {
        for (ChosenStatus chosen : ChosenStatus.values()) {
            assertThat(PresenceRules.visible(false, chosen, NOW, NOW, IDLE)).isEqualTo(Status.OFFLINE);
        }
    }

    @Test
    void invisibleLooksOffline() {
        assertThat(PresenceRules.visible(true, ChosenStatus.INVISIBLE, NOW, NOW, IDLE)).isEqualTo(Status.OFFLINE);
    }

    @Test
    void chosenAwayAndDndWinOverActivity() {
        assertThat(PresenceRules.visible(true, ChosenStatus.DND, NOW, NOW, IDLE)).isEqualTo(Status.DND);
        assertThat(PresenceRules.visible(true, ChosenStatus.AWAY, NOW, NOW, IDLE)).isEqualTo(Status.AWAY);
        assertThat(PresenceRules.visible(true, ChosenStatus.DND, NOW.minus(Duration.ofHours(1)), NOW, IDLE)).isEqualTo(Status.DND);
    }

    @Test
    void automaticIsOnlineUntilTheIdleTimePassesThenAway() {
        assertThat(PresenceRules.visible(true, ChosenStatus.ONLINE, NOW.minus(IDLE).plusMillis(1), NOW, IDLE)).isEqualTo(Status.ONLINE);
        assertThat(PresenceRules.visible(true, ChosenStatus.ONLINE, NOW.minus(IDLE), NOW, IDLE)).isEqualTo(Status.AWAY);
        assertThat(PresenceRules.visible(true, ChosenStatus.ONLINE, null, NOW, IDLE)).as("activity no longer recorded").isEqualTo(Status.AWAY);
    }

    @Test
    void settableStatusesParseStrictly() {
        assertThat(ChosenStatus.parse("dnd")).contains(ChosenStatus.DND);
        assertThat(ChosenStatus.parse("offline")).isEmpty();
        assertThat(ChosenStatus.parse(null)).isEmpty();
        assertThat(ChosenStatus.stored(null)).isEqualTo(ChosenStatus.ONLINE);
        assertThat(Status.fromWire(null)).isEqualTo(Status.OFFLINE);
    }
}
