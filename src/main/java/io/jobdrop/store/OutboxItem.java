package io.jobdrop.store;

import java.time.Instant;

/**
 * A claimed outbox row: the version to send, its submission ({@code specJson}, what goes under {@code "Job"}), the
 * failures so far and when this version was queued (for the maximum age).
 */
public record OutboxItem(String jobId, String namespace, String name, long version, String specJson, int failures,
                         Instant queuedAt) {
}
