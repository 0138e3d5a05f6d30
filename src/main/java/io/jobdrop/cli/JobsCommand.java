package io.jobdrop.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.JobSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code jobdrop jobs}: the jobs in the ledger, newest first. */
@Command(name = "jobs", mixinStandardHelpOptions = true, versionProvider = Jobdrop.Version.class,
        description = "List the jobs jobdrop has recorded and where their delivery stands.")
final class JobsCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    LedgerOptions ledgerOptions;

    @Option(names = "--state", paramLabel = "S", description = "Only jobs that stand at S in jobdrop: queued (waiting to be sent or retried), submitted (the orchestrator took it; its job ID is shown) or dead.")
    String state;

    @Option(names = "--json", description = "One JSON object per job per line.")
    boolean json;

    @Option(names = "--limit", defaultValue = "1000", description = "At most this many jobs (default ${DEFAULT-VALUE}).")
    int limit;

    private static final List<String> STATES = List.of("queued", "submitted", "dead");

    @Override
    public Integer call() {
        String delivery = state == null ? null : state.toLowerCase(Locale.ROOT);
        if (delivery != null && !STATES.contains(delivery)) {
            throw new ParameterException(spec.commandLine(),
                    "--state must be queued, submitted or dead, not '" + state + "'");
        }
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, not " + limit);
        }
        List<JobSummary> jobs;
        PrintWriter err = spec.commandLine().getErr();
        try (LedgerOptions.OpenLedger open = ledgerOptions.open()) {
            jobs = open.ledger().listJobs(delivery, limit);
            if (jobs.isEmpty() && (delivery == null || open.ledger().listJobs(null, 1).isEmpty())) {
                err.println("jobdrop jobs: " + open.emptyNote());
            } else if (jobs.size() == limit) {
                long total = open.ledger().countJobs(delivery);
                if (total > limit) {
                    // on stderr, so that --json output stays one object per line
                    err.printf("jobdrop jobs: %d of %d shown, the latest changed first; --limit %d shows them all%n",
                            limit, total, total);
                }
            }
            err.flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            jobs.forEach(job -> out.println(toJson(job)));
        } else {
            JobTable.print(jobs, out);
        }
        out.flush();
        return 0;
    }

    private static String label(JobSummary job) {
        return JobTable.status(job);
    }

    static String toJson(JobSummary job) {
        ObjectNode o = JobJson.mapper().createObjectNode();
        o.put("id", job.id()).put("namespace", job.namespace()).put("name", job.name()).put("version", job.version())
                .put("revision", job.revision()).put("delivery", label(job)).put("state", job.state())
                .put("createTime", text(job.createTime())).put("modifyTime", text(job.modifyTime()))
                .put("updatedAt", text(job.updatedAt())).put("lastError", job.lastError())
                .put("orchestratorJobId", job.orchestratorJobId());
        return o.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
