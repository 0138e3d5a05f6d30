package io.jobdrop.pipeline;

/** The HTTP API on the default ledger: an H2 file database. */
class H2ApiTest extends ApiBehaviour {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }
}
