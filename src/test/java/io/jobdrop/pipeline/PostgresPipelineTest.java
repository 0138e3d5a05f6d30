package io.jobdrop.pipeline;

import org.junit.jupiter.api.AfterEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The same pipeline on PostgreSQL (127.0.0.1:5432, database test), each test in a fresh schema. */
class PostgresPipelineTest extends PipelineBehaviour {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    private String schema; // set on first use: the base class asks for the URL before field initializers run

    @Override
    String databaseUrl() {
        if (schema == null) {
            schema = "e2e_" + UUID.randomUUID().toString().replace("-", "");
        }
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        return SERVER + "?currentSchema=" + schema;
    }

    @Override
    String databaseUser() {
        return "postgres";
    }

    @AfterEach
    void dropSchema() {
        context.stop(); // runs before the base class stops it: the schema goes only once no connection uses it
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is needed for this test: " + e.getMessage(), e);
        }
    }
}
