package io.jobdrop.pipeline;

/** Following on the default ledger: an H2 file database. */
class H2FollowTest extends FollowBehaviour {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }
}
