package dev.dingus.platform.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.testsupport.GenericPlans;
import dev.dingus.testsupport.TestInfrastructure;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay runs its statements up to a hundred times a second on pooled connections, so PostgreSQL caches one
 * generic plan for each while the outbox may still be empty: both must stay on an index (ADR 0016).
 */
@SpringBootTest(properties = "spring.application.name=events-test")
class OutboxRelayPlansIT {
    @Autowired DataSource dataSource;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "events");
    }

    @Test
    void thePollReadsBothHalvesFromAnIndex() {
        String plan = GenericPlans.explain(dataSource, OutboxRelay.POLL, "dingus_outbox");

        assertThat(plan).doesNotContain("Seq Scan").contains("Index Cond: (\"position\" > $1)", "Index Cond: (txid >= ");
    }

    @Test
    void theDeleteOfRelayedRowsFindsThemByTheirId() {
        String plan = GenericPlans.explain(dataSource, OutboxRelay.DELETE_RELAYED, "dingus_outbox");

        assertThat(plan).doesNotContain("Seq Scan").contains("Index Cond: (id = ANY ($1))");
    }
}
