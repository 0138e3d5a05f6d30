package io.jobdrop.store;

import java.time.Duration;

/**
 * Whether the ledger's writer is getting work done, for the health watchdog.
 *
 * @param waiting         writes submitted and not yet completed
 * @param sinceLastCommit time since the last commit (or since the writer started)
 * @param writerAlive     false once the writer thread has ended
 */
public record WriterProgress(int waiting, Duration sinceLastCommit, boolean writerAlive) {

    /** Work is waiting and nothing was committed for {@code limit}, or the writer is gone. */
    public boolean stalled(Duration limit) {
        return waiting > 0 && (!writerAlive || sinceLastCommit.compareTo(limit) > 0);
    }
}
