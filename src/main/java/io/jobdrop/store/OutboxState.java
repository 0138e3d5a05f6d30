package io.jobdrop.store;

import java.time.Instant;

/** A job's outbox row as {@code jobdrop show} prints it; the lease fields are null while nobody is sending it. */
public record OutboxState(long version, int failures, Instant queuedAt, Instant nextAttemptAt, Instant leaseUntil,
                          String leaseOwner) {
}
