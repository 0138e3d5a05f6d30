package io.jobdrop.cli;

import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.Delivery;
import io.jobdrop.store.IntakeClaim;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.store.OutboxItem;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ledgers with jobs in them, recorded as the inbox records a file. */
final class TestLedgers {

    private TestLedgers() {
    }

    /** Records one file holding a job of each name; returns the URL. */
    static String withJobs(String url, String... names) throws Exception {
        try (var ds = LedgerDatabase.open(url, "sa", "");
             JobLedger ledger = new JobLedger(ds, Clock.systemUTC(), "test")) {
            JobFileReader reader = new JobFileReader(false, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                    JobDefaults.BACALHAU);
            for (String name : names) {
                String job = "Name: " + name + "\nType: batch\nTasks:\n  - Name: main\n    Engine:\n      Type: docker\n"
                        + "      Params: {Image: ubuntu}\n";
                ledger.recordFile(new IntakeClaim("inbox", name + ".yaml|1", name + ".yaml"),
                        reader.read(name + ".yaml", job.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return url;
    }

    /** Forwards every queued job as the outbox would, the orchestrator answering with {@code orch-<name>}. */
    static void submitAll(String url) throws Exception {
        try (var ds = LedgerDatabase.open(url, "sa", "");
             JobLedger ledger = new JobLedger(ds, Clock.systemUTC(), "test")) {
            for (OutboxItem item : ledger.claimDue(1000, Duration.ofMinutes(1))) {
                ledger.recordAttempt(item, 200, 5, null,
                        new Delivery.Submitted("orch-" + item.name(), "eval-1", List.of()));
            }
        }
    }
}
