package io.jobdrop.store;

/** One job of a recorded file: its ledger ID and the version it now has (the unchanged version for UNCHANGED). */
public record JobChange(String jobId, String namespace, String name, long version, Change change) {
}
