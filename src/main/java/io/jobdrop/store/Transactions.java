package io.jobdrop.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs a unit of work in one database transaction: committed when it returns, rolled back when it throws. */
final class Transactions {

    /**
     * What runs in the transaction. A write of the group commit may run more than once before its transaction
     * commits (see {@link GroupCommit}): it must touch nothing but its connection, and must not count on a savepoint
     * around it unless it is a {@link GuardedWork} told it has one.
     */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * A write that handles some failures itself, but only where that is safe: when the group commit runs it
     * {@code guarded}, a savepoint of the group commit's own is around it, so the write may set one of its own, roll
     * back to it and go on; unguarded (a batch's first, optimistic run, or outside the group commit) any failure must
     * fail the run, which the group commit then runs again, guarded.
     */
    @FunctionalInterface
    interface GuardedWork<T> extends Work<T> {
        T run(Connection connection, boolean guarded) throws SQLException;

        @Override
        default T run(Connection connection) throws SQLException {
            return run(connection, false);
        }

        /** Runs {@code work} as {@code guarded} if it is a guarded work, else as a plain one. */
        static <T> T run(Work<T> work, Connection connection, boolean guarded) throws SQLException {
            return work instanceof GuardedWork<T> g ? g.run(connection, guarded) : work.run(connection);
        }
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param what names the work in the exception message, e.g. "record file inbox/a.yaml" */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A database failure in the words every ledger operation uses: "cannot <what>: <the database's message>". */
    static LedgerException failure(String what, SQLException e) {
        return new LedgerException("cannot " + what + ": " + e.getMessage(), e);
    }

    static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // the connection is probably gone; the original failure is the one worth reporting
            cause.addSuppressed(rollbackFailure);
        }
    }
}
