package io.jobdrop.store;

/**
 * Told when the ledger's writer finds the database unavailable and when a commit succeeds again, so an outage can be
 * reported once when it starts and once when it ends. Called on the writer thread: implementations must be quick.
 */
public interface LedgerListener {

    LedgerListener NONE = new LedgerListener() {
        @Override
        public void unavailable(Throwable cause) {
        }

        @Override
        public void committed() {
        }
    };

    /** A batch failed because the database did (not because of one of its writes). */
    void unavailable(Throwable cause);

    /** A batch was committed. */
    void committed();
}
