package io.jobdrop.store;

import java.sql.SQLException;

/** SQLStates the ledger reacts to; both H2 and PostgreSQL report them with the standard codes. */
final class SqlStates {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlStates() {
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isUniqueViolation(LedgerException e) {
        return UNIQUE_VIOLATION.equals(e.sqlState());
    }
}
