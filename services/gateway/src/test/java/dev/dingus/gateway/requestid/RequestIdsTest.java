package dev.dingus.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A-b_9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void saneIdsAreKept(String id) {
        assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"01234567890123456789012345678901234567890123456789012345678901234", "a b", "a.b", "a/b",
            "é", "a\nb", "${jndi:x}"})
    void anythingElseIsReplacedByAFreshUuid(String id) {
        String accepted = RequestIds.acceptOrCreate(id);
        assertThat(accepted).isNotEqualTo(id);
        assertThat(UUID.fromString(accepted).toString()).isEqualTo(accepted);
    }
}
