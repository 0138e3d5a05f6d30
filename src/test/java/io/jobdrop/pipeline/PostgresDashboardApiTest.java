package io.jobdrop.pipeline;

import org.junit.jupiter.api.AfterEach;

import java.util.UUID;

/** The dashboard's API on PostgreSQL (127.0.0.1:5432, database test), each test in a fresh schema. */
class PostgresDashboardApiTest extends DashboardApiBehaviour {

    private String schema; // set on first use: the base class asks for the URL before field initializers run

    @Override
    String databaseUrl() {
        if (schema == null) {
            schema = "dash_" + UUID.randomUUID().toString().replace("-", "");
        }
        PostgresPipelineTest.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        return PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
    }

    @Override
    String databaseUser() {
        return "postgres";
    }

    @AfterEach
    void dropSchema() {
        context.stop(); // runs before the base class stops it: the schema goes only once no connection uses it
        PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
