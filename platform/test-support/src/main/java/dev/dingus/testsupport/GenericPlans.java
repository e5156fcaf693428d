package dev.dingus.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The plan PostgreSQL caches for a statement when it runs it as a prepared statement on tables that are still
 * empty, as a pooled connection of a freshly deployed service does. The JDBC driver prepares a statement on the
 * server after a few uses; PostgreSQL then keeps one generic plan, made with the table sizes of that moment,
 * until an ANALYZE invalidates it. A plan that scans a whole table then gets slower with every row stored.
 *
 * <p>The named tables are shadowed by empty temporary copies with the same indexes (the temporary schema comes
 * first in the search path), so the plan is the worst case whatever the test database holds. Everything is rolled
 * back.
 */
public final class GenericPlans {
    private GenericPlans() {}

    /** {@code EXPLAIN} of {@code jdbcSql}'s generic plan (its {@code ?} become parameters) over empty {@code tables}. */
    public static String explain(DataSource dataSource, String jdbcSql, String... tables) {
        try (Connection con = dataSource.getConnection()) {
            boolean autoCommit = con.getAutoCommit();
            con.setAutoCommit(false);
            try (Statement st = con.createStatement()) {
                for (String table : tables) {
                    st.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
                }
                st.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                st.execute("PREPARE dingus_generic_plan AS " + numberedParameters(jdbcSql));
                int parameters = (int) jdbcSql.chars().filter(c -> c == '?').count();
                String arguments = parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")";
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE dingus_generic_plan" + arguments)) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            } finally {
                con.rollback();
                con.setAutoCommit(autoCommit);
                // A prepared statement outlives the transaction; the connection goes back to a pool.
                try (Statement st = con.createStatement()) {
                    st.execute("DEALLOCATE dingus_generic_plan");
                } catch (SQLException notPrepared) {
                    // PREPARE failed, so there is nothing to deallocate; that failure is the one thrown.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not explain: " + jdbcSql, e);
        }
    }

    /** JDBC's {@code ?} placeholders as PostgreSQL's {@code $1, $2, …}. */
    private static String numberedParameters(String jdbcSql) {
        StringBuilder sql = new StringBuilder();
        int n = 0;
        for (char c : jdbcSql.toCharArray()) {
            if (c == '?') {
                sql.append('$').append(++n);
            } else {
                sql.append(c);
            }
        }
        return sql.toString();
    }
}
