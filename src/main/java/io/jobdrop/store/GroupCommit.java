package io.jobdrop.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for the ledger's hot writes (intake records, forward attempts). One writer thread takes every write
 * that is waiting, up to {@code maxBatch}, runs them in one transaction and commits once. A write's future completes
 * only after that commit, so what its caller does next (move the file, say) happens after the write is durable. A
 * batch runs first without savepoints (on PostgreSQL each costs a round trip, and most batches fail nowhere); when a
 * write fails, the batch is rolled back and run again with a savepoint around each write, so a write that fails, even
 * with an Error (out of memory on a huge document), is rolled back to its savepoint alone and fails alone. A write
 * therefore may run more than once before it commits: it must do nothing outside its connection, and it is told
 * whether a savepoint guards it only if it asks to be (see {@link Transactions.GuardedWork}). A write that did not get
 * its turn in the first run, because one before it failed, runs guarded for the first time in the second. When the
 * database itself fails (no connection, a failed commit, a connection that died under a write) every write of the
 * batch fails with {@link LedgerUnavailableException} and the writer backs off before the next batch, so an outage is
 * not a busy loop. Writes run in the order they were submitted. A batch that meets a deadlock or a serialization
 * failure (another transaction held what it needed, see {@link LedgerWriters}) is rolled back as a whole and run
 * again, at most {@link #MAX_RUNS} times, before its writes fail.
 */
final class GroupCommit implements AutoCloseable {

    /** How long {@link #close()} lets the writer finish what was submitted before failing the rest. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final long FIRST_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 2_000;
    /** How often a batch is run when deadlocks or serialization failures roll it back. */
    static final int MAX_RUNS = 3;

    private record Pending<T>(String what, Transactions.Work<T> work, CompletableFuture<T> result) {

        void complete(Object value) {
            @SuppressWarnings("unchecked") T typed = (T) value;
            result.complete(typed);
        }
    }

    private final DataSource dataSource;
    private final int maxBatch;
    private final Duration closeWait;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile boolean abandoned;
    private volatile LedgerListener listener = LedgerListener.NONE;
    private volatile long lastCommitNanos = System.nanoTime();
    private volatile int writing;
    private long backoffMs;
    // written by the writer thread alone
    private volatile long transactions;
    private volatile long committedWrites;
    private volatile long busyNanos;

    GroupCommit(DataSource dataSource, int maxBatch, String threadName) {
        this(dataSource, maxBatch, threadName, CLOSE_WAIT);
    }

    GroupCommit(DataSource dataSource, int maxBatch, String threadName, Duration closeWait) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.closeWait = closeWait;
        this.writer = new Thread(this::run, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    void listener(LedgerListener listener) {
        this.listener = listener;
    }

    /**
     * @param what names the write in the exception message, e.g. "record inbox a.yaml"
     * @return completes with the work's result once committed; exceptionally with {@link LedgerException} when the
     *         database failed ({@link LedgerUnavailableException} when it failed as a whole), or with what the work threw
     */
    <T> CompletableFuture<T> submit(String what, Transactions.Work<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (Thread.currentThread() == writer) {
            // whoever waits for this on the writer thread would wait for ever: fail loudly instead
            result.completeExceptionally(new IllegalStateException("cannot " + what
                    + " from the ledger's writer thread (a continuation of a committed write must run elsewhere)"));
        } else if (closed) {
            result.completeExceptionally(new LedgerException("cannot " + what + ": the ledger is closed"));
        } else {
            queue.add(new Pending<>(what, work, result));
        }
        return result;
    }

    /** What this writer has committed so far, and how long it was busy doing it. */
    WriterTotals totals() {
        return new WriterTotals(transactions, committedWrites, Duration.ofNanos(busyNanos));
    }

    WriterProgress progress() {
        return new WriterProgress(queue.size() + writing, Duration.ofNanos(System.nanoTime() - lastCommitNanos),
                writer.isAlive());
    }

    /**
     * Stops taking writes and finishes the ones already submitted, waiting at most {@link #CLOSE_WAIT} (a database
     * that is down would otherwise hold shutdown for ever); what is still queued then fails.
     */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        LockSupport.unpark(writer);
        writer.join(closeWait.toMillis());
        if (writer.isAlive()) {
            abandoned = true;
            writer.interrupt();
            writer.join(1_000);
        }
        List<Pending<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new LedgerException("cannot " + p.what()
                + ": the ledger closed before the database took it")));
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (!abandoned) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                writing = batch.size();
                long start = System.nanoTime();
                boolean committed = writeRetrying(batch);
                busyNanos += System.nanoTime() - start;
                writing = 0;
                backOff(committed);
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            } catch (Throwable e) {
                // whatever happens, the writer lives on and no write of this batch waits for ever
                batch.forEach(pending -> pending.result().completeExceptionally(e));
            } finally {
                batch.clear();
                writing = 0;
            }
        }
    }

    /** @return whether the batch was committed; false when the database failed it as a whole */
    private boolean writeRetrying(List<Pending<?>> batch) {
        Boolean committed = writeOptimistically(batch);
        for (int run = 2; committed == null; run++) {
            committed = write(batch, run >= MAX_RUNS);
        }
        return committed;
    }

    /**
     * Runs the batch without savepoints and commits it when every write succeeds. The units whose jobs the writes
     * ended are settled last, all in key order ({@link UnitSettling}).
     *
     * @return as {@link #write}; null when a write failed: the batch was rolled back, to be run with savepoints
     */
    private Boolean writeOptimistically(List<Pending<?>> batch) {
        int n = batch.size();
        Object[] results = new Object[n];
        Throwable outage = null;
        UnitSettling units = UnitSettling.open();
        try (Connection connection = dataSource.getConnection()) {
            try {
                connection.setAutoCommit(false);
                for (int i = 0; i < n; i++) {
                    try {
                        results[i] = Transactions.GuardedWork.run(batch.get(i).work(), connection, false);
                    } catch (Throwable e) {
                        connection.rollback();
                        return null;
                    }
                }
                try {
                    units.settle(connection);
                } catch (Throwable e) {
                    connection.rollback();
                    return null;
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                // a rollback or the commit failed: the database, not a write
                Transactions.rollbackQuietly(connection, e);
                outage = e;
            }
        } catch (SQLException | RuntimeException e) {
            outage = e;
        } finally {
            units.close();
        }
        return settle(batch, results, new Throwable[n], outage);
    }

    /**
     * Runs the batch with a savepoint around each write.
     *
     * @param last whether a deadlock fails the write that met it (else the batch is rolled back to be run again)
     * @return whether the batch was committed; false when the database failed it as a whole; null when it was rolled
     *         back to be run again, its writes not yet completed
     */
    private Boolean write(List<Pending<?>> batch, boolean last) {
        int n = batch.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        Throwable outage = null;
        try (Connection connection = dataSource.getConnection()) {
            try {
                connection.setAutoCommit(false);
                for (int i = 0; i < n && outage == null; i++) {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        results[i] = Transactions.GuardedWork.run(batch.get(i).work(), connection, true);
                    } catch (Throwable e) {
                        if (!last && SqlStates.isTransient(e)) {
                            connection.rollback();
                            return null;
                        }
                        failures[i] = failure(batch.get(i).what(), e);
                        if (!usable(connection)) {
                            outage = e;
                        } else {
                            connection.rollback(savepoint);
                        }
                    }
                }
                if (outage == null) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException | RuntimeException e) {
                Transactions.rollbackQuietly(connection, e);
                if (!last && SqlStates.isTransient(e)) {
                    return null;
                }
                outage = e;
            }
        } catch (SQLException | RuntimeException e) {
            outage = e;
        }
        return settle(batch, results, failures, outage);
    }

    /** Completes the batch's writes: each with its result or failure, or all as unavailable after an outage. */
    private boolean settle(List<Pending<?>> batch, Object[] results, Throwable[] failures, Throwable outage) {
        int n = batch.size();
        if (outage != null) {
            for (int i = 0; i < n; i++) {
                failures[i] = unavailable(batch.get(i).what(), outage);
            }
            tell(outage);
        } else {
            lastCommitNanos = System.nanoTime();
            transactions++;
            committedWrites += n;
            tell(null);
        }
        // settled before its callers hear of it: whoever reacts to a write's end sees it no longer waiting
        writing = 0;
        for (int i = 0; i < n; i++) {
            if (failures[i] != null) {
                batch.get(i).result().completeExceptionally(failures[i]);
            } else {
                batch.get(i).complete(results[i]);
            }
        }
        return outage == null;
    }

    /** A write failed: was it the write, or is the connection (the database) gone? */
    private static boolean usable(Connection connection) {
        try {
            return !connection.isClosed() && connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void tell(Throwable outage) {
        try {
            if (outage == null) {
                listener.committed();
            } else {
                listener.unavailable(outage);
            }
        } catch (RuntimeException ignored) {
            // a listener must not stop the writer
        }
    }

    /** After a failed batch, wait longer each time (up to 2 s) before the next; never while closing. */
    private void backOff(boolean committed) {
        if (committed) {
            backoffMs = 0;
            return;
        }
        backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, backoffMs * 2));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMs);
        for (long left = deadline - System.nanoTime(); left > 0 && !closed; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    private static Throwable failure(String what, Throwable e) {
        if (e instanceof SQLException sql) {
            return Transactions.failure(what, sql);
        }
        if (e instanceof Error error) {
            // an Error here is this write's (a huge document, a runaway recursion): the caller gets a failed write
            return new LedgerException("cannot " + what + ": " + error, error);
        }
        return e;
    }

    private static LedgerUnavailableException unavailable(String what, Throwable outage) {
        return new LedgerUnavailableException("cannot " + what + ": " + outage.getMessage(), outage);
    }
}
