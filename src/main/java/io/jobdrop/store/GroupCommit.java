package io.jobdrop.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for the ledger's hot writes (intake records, forward attempts). One writer thread takes every write
 * that is waiting, up to {@code maxBatch}, runs each inside its own savepoint of one transaction and commits once. A
 * write's future completes only after that commit, so what its caller does next (move the file, say) happens after
 * the write is durable. A write that fails is rolled back to its savepoint alone and fails alone; a commit that fails
 * fails every write of the batch. Writes run in the order they were submitted.
 */
final class GroupCommit implements AutoCloseable {

    private record Pending<T>(String what, Transactions.Work<T> work, CompletableFuture<T> result) {

        void complete(Object value) {
            @SuppressWarnings("unchecked") T typed = (T) value;
            result.complete(typed);
        }
    }

    private final DataSource dataSource;
    private final int maxBatch;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(DataSource dataSource, int maxBatch, String threadName) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.dataSource = dataSource;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, threadName);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * @param what names the write in the exception message, e.g. "record inbox a.yaml"
     * @return completes with the work's result once committed; exceptionally with {@link LedgerException} when the
     *         database failed, or with what the work threw
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

    /** Stops taking writes, finishes the ones already submitted, then stops the writer thread. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        writer.join();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            Pending<?> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                write(batch);
            } catch (Throwable e) {
                // an Error (out of memory, say): no write of this batch may wait for ever; completed ones stay so
                batch.forEach(pending -> pending.result().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (int i = 0; i < batch.size(); i++) {
                    Savepoint savepoint = batch.size() > 1 ? connection.setSavepoint() : null;
                    try {
                        results[i] = batch.get(i).work().run(connection);
                    } catch (SQLException | RuntimeException e) {
                        if (savepoint == null) {
                            throw e;
                        }
                        connection.rollback(savepoint);
                        failures[i] = failure(batch.get(i).what(), e);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                Transactions.rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            for (int i = 0; i < batch.size(); i++) {
                if (failures[i] == null) {
                    failures[i] = failure(batch.get(i).what(), e);
                }
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            if (failures[i] != null) {
                batch.get(i).result().completeExceptionally(failures[i]);
            } else {
                batch.get(i).complete(results[i]);
            }
        }
    }

    private static Throwable failure(String what, Exception e) {
        return e instanceof SQLException sql ? Transactions.failure(what, sql) : e;
    }
}
