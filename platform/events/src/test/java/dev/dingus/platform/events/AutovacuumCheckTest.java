package dev.dingus.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.platform.events.outbox.AutovacuumCheck;
import org.junit.jupiter.api.Test;

class AutovacuumCheckTest {
    @Test
    void autovacuumOffIsWarnedAboutWithWhatToDo() {
        assertThat(AutovacuumCheck.warningFor("off")).hasValueSatisfying(w -> assertThat(w)
                .contains("autovacuum off").contains("Turn autovacuum on").contains("VACUUM ANALYZE"));
    }

    @Test
    void autovacuumOnIsNot() {
        assertThat(AutovacuumCheck.warningFor("on")).isEmpty();
        assertThat(AutovacuumCheck.warningFor("ON")).isEmpty();
    }
}
