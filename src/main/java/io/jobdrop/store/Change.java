package io.jobdrop.store;

/** What recording one accepted job did to the ledger. */
public enum Change {
    CREATED, UPDATED, UNCHANGED
}
