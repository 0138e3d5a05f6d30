package io.jobdrop.intake.table;

/**
 * A table source's database failed (unreachable, table missing, credentials refused): an outage of that source, never
 * a verdict on a row. Not an SQLException, so the outage is not taken for the ledger's.
 */
public final class TableException extends RuntimeException {

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
