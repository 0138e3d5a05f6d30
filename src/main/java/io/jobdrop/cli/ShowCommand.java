package io.jobdrop.cli;

import io.jobdrop.store.FileRecord;
import io.jobdrop.store.ForwardAttempt;
import io.jobdrop.store.JobDetail;
import io.jobdrop.store.JobEvent;
import io.jobdrop.store.JobSummary;
import io.jobdrop.store.JobVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code jobdrop show ID|NAME|FILE}: one job's versions, events and forward attempts; or, when the argument names no
 * job, the inbox file of that name: its verdict, its jobs and where it was filed.
 */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "Show one job (versions, events, forward attempts), or an inbox file (verdict, jobs, where it was filed).")
final class ShowCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @Parameters(paramLabel = "ID|NAME|FILE")
    String idOrName;

    @Override
    public Integer call() {
        Optional<JobDetail> found;
        List<FileRecord> files = List.of();
        List<io.jobdrop.store.ExecutionRecord> executions = List.of();
        try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
            found = open.ledger().show(idOrName);
            if (found.isPresent()) {
                executions = open.ledger().executions(found.get().summary().id());
            }
            if (found.isEmpty()) {
                files = open.ledger().showFile(idOrName);
                if (files.isEmpty()) {
                    boolean empty = open.ledger().listJobs(null, 1).isEmpty();
                    spec.commandLine().getErr().println("jobdrop show: no job with ID or name " + idOrName
                            + ", and no inbox file of that name - "
                            + (empty ? open.emptyNote() : "`jobdrop jobs` lists them"));
                    return Failures.RUNTIME;
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (found.isEmpty()) {
            files.forEach(file -> FilePrinter.print(out, file));
            out.flush();
            return 0;
        }
        JobDetail detail = found.get();
        JobSummary job = detail.summary();
        out.printf("job %s  %s/%s  version %d  delivery %s  state %s%n", job.id(), job.namespace(), job.name(),
                job.version(), job.delivery().toString().toLowerCase(), job.state());
        if (detail.orchestratorJobId() != null) {
            out.printf("orchestrator job %s  evaluation %s%n", detail.orchestratorJobId(), detail.evaluationId());
        }
        if (job.lastError() != null) {
            out.printf("last error: %s%n", job.lastError());
        }
        detail.outbox().ifPresent(o -> out.printf("outbox: %s%n", o));
        out.println("versions:");
        for (JobVersion v : detail.versions()) {
            out.printf("  v%d  %s  from %s%n", v.version(), v.createdAt(), v.source());
        }
        out.println("events:");
        for (JobEvent e : detail.events()) {
            out.printf("  %s  %-14s v%s  %s%s%n", e.at(), e.type().toString().toLowerCase(), e.version() == null ? "-" : e.version(),
                    e.source() == null ? "" : e.source(), e.detail() == null ? "" : "  " + e.detail());
        }
        out.println("attempts:");
        for (ForwardAttempt a : detail.attempts()) {
            out.printf("  #%d  v%d  %s  %s  %d ms  %s%s%n", a.attempt(), a.version(), a.at(),
                    a.statusCode() == null ? "no answer" : "HTTP " + a.statusCode(), a.latencyMs(),
                    a.outcome().toString().toLowerCase(), a.error() == null ? "" : "  " + a.error());
        }
        out.println("executions:");
        for (io.jobdrop.store.ExecutionRecord e : executions) {
            out.printf("  %s  v%d  node %s  %s  exit %s%s%n", e.id(), e.jobVersion(), e.nodeId(), e.computeState(),
                    e.exitCode() == null ? "-" : e.exitCode(),
                    e.errorMsg() == null || e.errorMsg().isEmpty() ? "" : "  " + e.errorMsg());
            printOutput(out, "stdout", e.stdout(), e.stdoutTruncated());
            printOutput(out, "stderr", e.stderr(), e.stderrTruncated());
        }
        out.println("current job:");
        out.println("  " + detail.jobJson());
        out.flush();
        return 0;
    }

    private static void printOutput(java.io.PrintWriter out, String stream, String text, boolean truncated) {
        if (text == null || text.isEmpty()) {
            return;
        }
        out.printf("    %s%s:%n", stream, truncated ? " (truncated)" : "");
        text.lines().forEach(line -> out.println("      " + line));
    }
}
