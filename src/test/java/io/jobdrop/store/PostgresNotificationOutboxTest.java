package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The notification outbox on PostgreSQL (127.0.0.1:5432, database test), in a schema of its own. */
class PostgresNotificationOutboxTest extends NotificationOutboxBehaviour {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "n_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    HikariDataSource openDatabase() throws SQLException {
        execute("CREATE SCHEMA " + schema);
        return LedgerDatabase.open(SERVER + "?currentSchema=" + schema, "postgres", "");
    }

    @Override
    void dropDatabase() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
