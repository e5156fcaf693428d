package dev.dingus.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dingus.testsupport.TestInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The library's migrations reach databases created before them, not only fresh ones. */
class EventsMigrationsIT {

    @Test
    void aLaterLibraryMigrationIsAppliedToADatabaseThatAlreadyHasTheServicesOwn(@TempDir Path before) throws IOException {
        TestInfrastructure.Slice slice = TestInfrastructure.newSlice("events-migrations");
        DriverManagerDataSource db = new DriverManagerDataSource(slice.jdbcUrl(), TestInfrastructure.PG_USER,
                TestInfrastructure.PG_PASSWORD);
        // A service deployed before V0_2: the library's V0_1 and the service's own V1 are applied.
        try (InputStream v01 = getClass().getResourceAsStream("/db/events/V0_1__dingus_outbox.sql")) {
            Files.copy(v01, before.resolve("V0_1__dingus_outbox.sql"));
        }
        Flyway.configure().dataSource(db).locations("classpath:db/migration", "filesystem:" + before).load().migrate();

        // The same service now, with this library's migrations as every service's Flyway gets them.
        FluentConfiguration now = Flyway.configure().dataSource(db).locations("classpath:db/migration");
        new DingusEventsAutoConfiguration.WithDatabase().dingusEventsMigrations().customize(now);
        now.load().migrate();

        JdbcClient jdbc = JdbcClient.create(db);
        assertThat(jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).containsExactly("0.1", "1", "0.2", "0.3");
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'dingus_processed_events_processed_at'")
                .query(String.class).single()).contains("(processed_at)");
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'dingus_outbox_txid'")
                .query(String.class).single()).contains("(txid)");
    }
}
