package io.jobdrop.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code jobdrop rerun ID|NAME}: a delivered job runs again. The rerun is queued in the ledger's outbox; a running
 * jobdrop sends it (the orchestrator's rerun, or a forced submission where it has none) and follows the new run.
 */
@Command(name = "rerun", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Run a delivered job again; a running jobdrop sends the rerun and follows it.")
final class RerunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @Parameters(paramLabel = "ID|NAME", description = "The job to run again.")
    String idOrName;

    @Option(names = "--reason", description = "Why, recorded with the rerun event.", defaultValue = "requested with jobdrop rerun")
    String reason;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String id;
        try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
            if (open.ledger().listJobs(null, 1).isEmpty()) {
                err.println("jobdrop rerun: no job " + idOrName + " - " + open.emptyNote());
                return Failures.RUNTIME;
            }
            try {
                id = open.ledger().rerun(idOrName, reason);
            } catch (IllegalArgumentException e) {
                err.println("jobdrop rerun: " + Failures.oneLine(e.getMessage()) + " - `jobdrop jobs` lists the jobs");
                return Failures.RUNTIME;
            } catch (IllegalStateException e) {
                err.println("jobdrop rerun: " + Failures.oneLine(e.getMessage()));
                return Failures.RUNTIME;
            }
        }
        spec.commandLine().getOut().printf("rerun of job %s queued; `jobdrop show %s` follows it%n", id, id);
        return 0;
    }
}
