package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The ledger on the PostgreSQL server of the machine ({@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres, no
 * password), in a schema of its own that is dropped afterwards, so runs never see each other's rows.
 */
class PostgresJobLedgerTest extends JobLedgerBehaviour {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String schema = "t_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    HikariDataSource openDatabase() throws SQLException {
        execute("CREATE SCHEMA " + schema);
        return LedgerDatabase.open(SERVER + "?currentSchema=" + schema, USER, "");
    }

    @Override
    void dropDatabase() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String blockedStatementsQuery() {
        return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                + " AND query LIKE ?";
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
