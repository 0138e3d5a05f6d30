package io.jobdrop.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs a unit of work in one database transaction: committed when it returns, rolled back when it throws. */
final class Transactions {

    /**
     * What runs in the transaction. A write of the group commit may run more than once before its transaction
     * commits (see {@link GroupCommit}): it must touch nothing but its connection, and must not count on a savepoint
     * around it the first time.
     */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
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
