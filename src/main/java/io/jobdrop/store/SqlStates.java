package io.jobdrop.store;

import java.sql.SQLException;

/** SQLStates the ledger reacts to; both H2 and PostgreSQL report them with the standard codes. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private SqlStates() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    /**
     * A deadlock or a serialization failure: the transaction lost to another one and may succeed when run again (H2
     * reports a deadlock as 40001, PostgreSQL as 40P01). Looks through the causes: a write may wrap what it met.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isUniqueViolation(LedgerException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }
}
