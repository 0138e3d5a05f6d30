package io.jobdrop.store;

import java.time.Instant;

/**
 * A claimed outbox row (for a rerun, {@code request} says which request and {@code orchestratorRef} names the
 * orchestrator's job; both null for a submission): the version to send, its submission ({@code specJson}, what goes under {@code "Job"}), the
 * failures so far and when this version was queued (for the maximum age).
 */
public record OutboxItem(String jobId, String namespace, String name, long version, String specJson, int failures,
                         Instant queuedAt, String request, String orchestratorRef) {

    /** A submission of the version, as queued by intake or replay. */
    public OutboxItem(String jobId, String namespace, String name, long version, String specJson, int failures,
                      Instant queuedAt) {
        this(jobId, namespace, name, version, specJson, failures, queuedAt, null, null);
    }

    /** A user asked for a rerun: {@code PUT …/jobs/{orchestratorRef}/rerun}. */
    public boolean isRerun() {
        return OutboxTable.RERUN.equals(request);
    }

    /** A rerun where the orchestrator has no rerun endpoint: the version submitted with {@code "Force": true}. */
    public boolean isForced() {
        return OutboxTable.FORCE.equals(request);
    }
}
