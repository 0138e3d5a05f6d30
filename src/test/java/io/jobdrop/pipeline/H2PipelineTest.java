package io.jobdrop.pipeline;

/** The pipeline on the default ledger: an H2 file database. */
class H2PipelineTest extends PipelineBehaviour {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }
}
