package io.jobdrop.store;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ledger's writers: one or more {@link GroupCommit}s, each a thread with a transaction of its own. On PostgreSQL
 * a writer spends most of its time waiting for round trips, so several write side by side; on H2 one is enough (its
 * commits take turns anyway). Writes about one job go to one writer, chosen by the job's key (namespace and Name), so
 * they keep the order they were submitted in and two writers never wait on one job's row. Writes that touch no job in
 * particular (claims) take turns across the writers.
 */
final class LedgerWriters implements AutoCloseable {

    private final List<GroupCommit> writers;
    private final AtomicInteger turn = new AtomicInteger();

    LedgerWriters(DataSource dataSource, int count, int maxBatch) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        List<GroupCommit> started = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            started.add(new GroupCommit(dataSource, maxBatch,
                    count == 1 ? "jobdrop-ledger-writer" : "jobdrop-ledger-writer-" + (i + 1)));
        }
        this.writers = List.copyOf(started);
    }

    /** The key that sends every write about one job to the same writer. */
    static String jobKey(String namespace, String name) {
        return namespace + '\u0000' + name;
    }

    /**
     * @param key a {@link #jobKey}, or any other text naming what the write locks; null for a write that locks
     *            nothing another write waits for
     * @see GroupCommit#submit
     */
    <T> CompletableFuture<T> submit(String key, String what, Transactions.Work<T> work) {
        int index = key == null ? Math.floorMod(turn.getAndIncrement(), writers.size())
                : Math.floorMod(key.hashCode(), writers.size());
        return writers.get(index).submit(what, work);
    }

    /** As {@link #submit(String, String, Transactions.Work)}, for a write told whether a savepoint guards it. */
    <T> CompletableFuture<T> submit(String key, String what, Transactions.GuardedWork<T> work) {
        return submit(key, what, (Transactions.Work<T>) work);
    }

    void listener(LedgerListener listener) {
        writers.forEach(writer -> writer.listener(listener));
    }

    /** All writers as one: writes waiting in any, the longest any has gone without a commit, alive only if all are. */
    WriterProgress progress() {
        int waiting = 0;
        Duration longest = Duration.ZERO;
        boolean alive = true;
        for (GroupCommit writer : writers) {
            WriterProgress progress = writer.progress();
            waiting += progress.waiting();
            // an idle writer commits nothing and holds nothing up: only one with work waiting counts as slow
            if (progress.waiting() > 0 && progress.sinceLastCommit().compareTo(longest) > 0) {
                longest = progress.sinceLastCommit();
            }
            alive &= progress.writerAlive();
        }
        return new WriterProgress(waiting, longest, alive);
    }

    /** All writers' totals, summed. */
    WriterTotals totals() {
        WriterTotals sum = WriterTotals.NONE;
        for (GroupCommit writer : writers) {
            sum = sum.plus(writer.totals());
        }
        return sum;
    }

    int count() {
        return writers.size();
    }

    /** Closes the writers side by side, so shutdown waits {@link GroupCommit#CLOSE_WAIT} at most once. */
    @Override
    public void close() throws InterruptedException {
        List<Thread> closing = new ArrayList<>();
        for (GroupCommit writer : writers) {
            Thread thread = new Thread(() -> {
                try {
                    writer.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "jobdrop-ledger-close");
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            thread.join();
        }
    }
}
