package dev.dingus.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenDistinctAndOrderedByTheirMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(TimeOrderedIds.next());
        }

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
        // PostgreSQL orders uuids byte by byte, as their text sorts: ids of a later millisecond sort after.
        for (int i = 1; i < ids.size(); i++) {
            if (millis(ids.get(i)) > millis(ids.get(i - 1))) {
                assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
            } else {
                assertThat(millis(ids.get(i))).isEqualTo(millis(ids.get(i - 1)));
            }
        }
    }

    @Test
    void theFirstFortyEightBitsAreTheMillisecondOfCreation() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(millis(id)).isBetween(before, after);
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }
}
