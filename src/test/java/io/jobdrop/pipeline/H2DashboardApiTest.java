package io.jobdrop.pipeline;

/** The dashboard's API on the default ledger: an H2 file database. */
class H2DashboardApiTest extends DashboardApiBehaviour {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }
}
