package dev.dingus.platform.events.outbox;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warns at start when the database runs without autovacuum. The outbox deletes a row per event, and room
 * purges delete whole rooms. Nothing then gives that space back, and the planner works without statistics
 * (it is autovacuum that runs ANALYZE), so queries slow down as the tables fill with dead rows. Operators
 * sometimes turn autovacuum off for a benchmark or an import and forget it.
 */
public class AutovacuumCheck implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final JdbcClient jdbc;

    public AutovacuumCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            warningFor(jdbc.sql("SELECT current_setting('autovacuum')").query(String.class).single()).ifPresent(log::warn);
        } catch (DataAccessException e) {
            log.debug("Could not read the autovacuum setting: {}", e.getMessage());
        }
    }

    /** The warning for a value of PostgreSQL's {@code autovacuum} setting; none when it is on. */
    public static Optional<String> warningFor(String setting) {
        if ("on".equalsIgnoreCase(setting)) {
            return Optional.empty();
        }
        return Optional.of("PostgreSQL runs with autovacuum " + setting + ": rows this service deletes (outbox events,"
                + " purged rooms) are never cleaned up and the planner has no statistics, so queries slow down over"
                + " time. Turn autovacuum on (PostgreSQL's default) or run VACUUM ANALYZE regularly.");
    }
}
