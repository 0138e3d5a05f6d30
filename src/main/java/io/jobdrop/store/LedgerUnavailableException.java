package io.jobdrop.store;

/**
 * The database as a whole failed a write (no connection, a failed commit, a connection that died, a database that
 * closed itself): nothing is wrong with the write, so the caller may submit the same write again once the ledger is
 * back.
 */
public final class LedgerUnavailableException extends LedgerException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
