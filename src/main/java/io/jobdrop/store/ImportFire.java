package io.jobdrop.store;

import java.time.Instant;

/**
 * One fire of a scheduled import as the ledger keeps it ({@code import_fires}). {@code outcome} is null while the fire
 * is unfinished (running, or waiting for a retry until {@code leaseUntil}); then {@code done} (jobs recorded),
 * {@code error} (a unit was rejected), {@code skipped} (nothing new at the source) or {@code unreachable} (the source
 * could not be read before the next fire was due). {@code jobs} is the JSON array of the jobs the fire recorded.
 */
public record ImportFire(String importName, Instant fireTime, long run, String trigger, String claimedBy,
                         Instant leaseUntil, int attempts, String outcome, String detail, String jobs, int accepted,
                         int rejected, Instant createdAt, Instant finishedAt) {

    public boolean finished() {
        return outcome != null;
    }
}
