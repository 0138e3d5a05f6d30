package io.jobdrop.pipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/** `jobdrop show FILE` against a PostgreSQL ledger (its own schema), as several instances would share it. */
class PostgresShowFileTest extends ShowFileTest {

    private String schema; // set on first use: the base class asks for the URL before field initializers run

    @Override
    String databaseUrl() {
        if (schema == null) {
            schema = "show_" + UUID.randomUUID().toString().replace("-", "");
            PostgresPipelineTest.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        return PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
    }

    @Override
    String databaseUser() {
        return "postgres";
    }

    @BeforeEach
    void cliUser() {
        System.setProperty("jobdrop.db.user", "postgres"); // the CLI reads the user from settings, as `run` does
    }

    @AfterEach
    void dropSchema() {
        System.clearProperty("jobdrop.db.user");
        context.stop();
        PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
