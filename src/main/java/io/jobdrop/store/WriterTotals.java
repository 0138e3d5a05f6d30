package io.jobdrop.store;

import java.time.Duration;

/**
 * What the ledger's writers have committed since start: transactions, the writes in them (a file's record, a claim,
 * a forward attempt, a poll; a write whose savepoint was rolled back counts too), and the time spent running and
 * committing them. Writes per transaction is how well group commit groups; busy time per second near the number of
 * writers means the ledger is what the pipeline waits for.
 */
public record WriterTotals(long transactions, long writes, Duration busy) {

    static final WriterTotals NONE = new WriterTotals(0, 0, Duration.ZERO);

    WriterTotals plus(WriterTotals other) {
        return new WriterTotals(transactions + other.transactions, writes + other.writes, busy.plus(other.busy));
    }
}
