package dev.dingus.messages.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.messages.support.IntegrationTestBase;
import dev.dingus.testsupport.GenericPlans;
import org.junit.jupiter.api.Test;

/** The writer's per-batch statements probe indexes even with a plan cached while {@code messages} was empty. */
class MessageStorePlansIT extends IntegrationTestBase {
    @Test
    void theResendLookupProbesTheClientKeyIndex() {
        String plan = GenericPlans.explain(dataSource, MessageStore.FIND_BY_CLIENT_IDS, "messages");

        assertThat(plan).contains("Index Scan").doesNotContain("Seq Scan");
    }

    @Test
    void theInsertWithSeqsReadsNoTable() {
        String plan = GenericPlans.explain(dataSource, MessageStore.INSERT_WITH_SEQS, "messages", "room_sequences");

        assertThat(plan).contains("Insert on messages").contains("Insert on room_sequences").doesNotContain("Seq Scan");
    }
}
