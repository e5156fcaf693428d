package dev.dingus.rooms.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.rooms.support.IntegrationTestBase;
import dev.dingus.testsupport.GenericPlans;
import org.junit.jupiter.api.Test;

/** Listing a user's rooms probes each room by key even with a plan cached while {@code rooms} was empty. */
class MembershipsPlansIT extends IntegrationTestBase {
    @Test
    void aUsersRoomsAreReadByTheirKeys() {
        String plan = GenericPlans.explain(dataSource, Memberships.ROOMS_OF, "memberships", "rooms");

        assertThat(plan).contains("Index Cond: (id = m.room_id)").doesNotContain("Seq Scan");
    }
}
