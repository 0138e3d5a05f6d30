package io.jobdrop.store;

import java.sql.SQLException;

/**
 * The database failed (down, timed out, a conflict that was not settled). Unchecked so routes can let it travel to
 * their error policy; it never stands for bad input, so the caller keeps the file or row and tries again later.
 */
public class LedgerException extends RuntimeException {

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    public LedgerException(String message) {
        super(message);
    }

    /** The SQLState of the underlying database error, or null. */
    public String sqlState() {
        return getCause() instanceof SQLException e ? e.getSQLState() : null;
    }
}
