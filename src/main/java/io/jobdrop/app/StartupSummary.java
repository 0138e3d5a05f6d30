package io.jobdrop.app;

/**
 * The one log line that says what this instance uses, so a misconfigured start (the wrong folder, the wrong database)
 * shows at once: version, absolute inbox, ledger (passwords masked), orchestrator, API address, buckets and table sources (when there are any).
 */
final class StartupSummary {

    private StartupSummary() {
    }

    static String of(Settings settings) {
        ApiAddress api = ApiAddress.of(settings);
        String buckets = settings.text("jobdrop.s3.bucket");
        String endpoint = settings.text("jobdrop.s3.endpoint");
        return version() + " uses inbox " + settings.path("jobdrop.inbox")
                + ", ledger " + LedgerUrl.display(settings.text("jobdrop.db.url"))
                + ", orchestrator " + settings.orchestratorUrl()
                + ", API http://" + api + (api.port() == 0 ? " (any free port)" : "") + "/observe/health"
                + ", buckets " + (buckets.isEmpty() ? "none" : buckets + " at " + (endpoint.isEmpty() ? "AWS S3" : endpoint))
                + (settings.text("jobdrop.tables").isEmpty() ? "" : ", tables " + settings.text("jobdrop.tables"));
    }

    /** "jobdrop 1.2.0" from the jar's manifest, "jobdrop dev" when run from classes. */
    static String version() {
        String v = StartupSummary.class.getPackage().getImplementationVersion();
        return "jobdrop " + (v == null ? "dev" : v);
    }
}
