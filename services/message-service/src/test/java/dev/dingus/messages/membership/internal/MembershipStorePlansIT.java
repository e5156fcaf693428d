package dev.dingus.messages.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.testsupport.GenericPlans;
import org.junit.jupiter.api.Test;

/** The membership check of a batch of sends probes the key even with a plan cached while the table was empty. */
class MembershipStorePlansIT extends IntegrationTestBase {
    @Test
    void thePairLookupProbesThePrimaryKey() {
        String plan = GenericPlans.explain(dataSource, MembershipStore.EXISTING_PAIRS, "room_members");

        assertThat(plan).contains("Index").doesNotContain("Seq Scan");
    }
}
