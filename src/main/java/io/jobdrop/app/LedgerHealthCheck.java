package io.jobdrop.app;

import io.jobdrop.store.JobLedger;
import io.jobdrop.store.WriterProgress;

import java.time.Duration;

/**
 * DOWN while the ledger database does not answer, while it refuses writes (a full disk, say: reads may still work),
 * or while the writer has writes waiting and commits nothing for {@code stallAfter}. Intake and forwarding wait
 * meanwhile; nothing is lost. Part of readiness: without the ledger jobdrop takes no work.
 */
final class LedgerHealthCheck extends BoundedHealthCheck {

    private final JobLedger ledger;
    private final Outages outages;
    private final Duration stallAfter;

    LedgerHealthCheck(JobLedger ledger, Outages outages, Duration stallAfter) {
        super("ledger");
        this.ledger = ledger;
        this.outages = outages;
        this.stallAfter = stallAfter;
    }

    @Override
    protected Finding probe() {
        WriterProgress progress = ledger.writerProgress();
        String outage = outages.cause(Outages.LEDGER).map(cause -> ": " + cause).orElse("");
        if (progress.stalled(stallAfter)) {
            return Finding.down((progress.writerAlive() ? "ledger writer stalled: " : "ledger writer stopped: ")
                    + progress.waiting() + " writes waiting, nothing committed for "
                    + progress.sinceLastCommit().toSeconds() + " s" + outage)
                    .with("waiting", progress.waiting());
        }
        try {
            ledger.ping();
        } catch (RuntimeException e) {
            return Finding.down("ledger database unreachable: " + Outages.describe(e));
        }
        if (!outage.isEmpty() && progress.waiting() > 0) {
            return Finding.down("ledger refuses writes" + outage).with("waiting", progress.waiting());
        }
        return Finding.up();
    }
}
