package io.jobdrop.pipeline;

/** Webhook notifications on the default ledger: an H2 file database. */
class H2NotificationTest extends NotificationBehaviour {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }
}
