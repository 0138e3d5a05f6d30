package io.jobdrop.cluster;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.LedgerDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** On PostgreSQL (127.0.0.1:5432, database test), each test in a fresh schema. */
class PostgresLeaseClusterServiceTest extends LeaseClusterServiceBehaviour {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema = "leases_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    HikariDataSource open() {
        execute("CREATE SCHEMA " + schema);
        return LedgerDatabase.open(SERVER + "?currentSchema=" + schema, "postgres", "");
    }

    @Override
    void closed() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }
}
