package io.jobdrop.store;

import java.time.Instant;

/**
 * One line of {@code jobdrop jobs}: the job's identity and current version, where its delivery stands, the
 * Bacalhau state and times ({@code createTime}/{@code modifyTime} from the job, {@code updatedAt} when the ledger row
 * last changed), the last error of forwarding (null when there is none), and the orchestrator's ID for the job once
 * submitted (null before).
 */
public record JobSummary(String id, String namespace, String name, long version, long revision, DeliveryState delivery,
                         String state, Instant createTime, Instant modifyTime, Instant updatedAt, String lastError,
                         String orchestratorJobId) {

    /** A job the orchestrator has not taken yet. */
    public JobSummary(String id, String namespace, String name, long version, long revision, DeliveryState delivery,
                      String state, Instant createTime, Instant modifyTime, Instant updatedAt, String lastError) {
        this(id, namespace, name, version, revision, delivery, state, createTime, modifyTime, updatedAt, lastError, null);
    }
}
