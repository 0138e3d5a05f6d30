package io.jobdrop.bench;

import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.Problem;
import io.jobdrop.ingest.Stamper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Checks every generated file with jobdrop's own reader before anything is measured: accepted, exactly one job, the
 * expected Name. A benchmark of files that jobdrop rejects would measure the wrong path.
 */
final class SpecCheck {

    private final JobFileReader reader = reader();
    private final List<String> failures = new ArrayList<>();
    private int checked;

    /** The reader as {@code jobdrop run} configures it by default: templating on, no variables. */
    static JobFileReader reader() {
        return new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU);
    }

    void check(Generator.JobFile file) {
        checked++;
        FileVerdict verdict = reader.read(file.fileName(), file.content());
        List<AcceptedJob> jobs = verdict.jobs();
        if (!verdict.accepted()) {
            failures.add(file.fileName() + ": rejected: " + verdict.errors().stream().map(SpecCheck::describe)
                    .collect(Collectors.joining("; ")));
        } else if (jobs.size() != 1 || !file.jobName().equals(jobs.get(0).job().name)) {
            failures.add(file.fileName() + ": expected one job named '" + file.jobName() + "', got "
                    + jobs.stream().map(job -> "'" + job.job().name + "'").collect(Collectors.joining(", ")));
        }
        if (failures.size() >= 5) {
            throwIfFailed();
        }
    }

    /** Fails with the first problems found, if any. */
    void throwIfFailed() {
        if (!failures.isEmpty()) {
            throw new BenchFailure("generated job files that jobdrop does not accept (" + failures.size()
                    + " shown, after " + checked + " checked):\n  " + String.join("\n  ", failures));
        }
    }

    int checked() {
        return checked;
    }

    private static String describe(Problem problem) {
        return problem.message() + (problem.path().isEmpty() ? "" : " at " + problem.path())
                + (problem.line() > 0 ? " (line " + problem.line() + ", column " + problem.column() + ")" : "");
    }
}
