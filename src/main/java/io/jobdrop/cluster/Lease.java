package io.jobdrop.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of the leases table as the database saw it: who holds the lease now (empty when nobody holds a live one),
 * its term (epoch), until when, and what its holder last reported waiting in the intake it leads.
 *
 * @param name    the cluster namespace, e.g. {@code inbox} or {@code bucket-jobs}
 * @param holder  the instance that leads, empty when the lease is free or expired
 * @param epoch   grows each time the lease changes hands (a fencing token)
 * @param until   the end of the lease by the database's clock
 * @param left    how long the lease had still to run when the database read it (zero once it has ended)
 * @param mine    whether the instance that asked holds it
 * @param backlog what the holder reported waiting in the intake it leads at its last renewal (0 when nobody holds it)
 */
public record Lease(String name, Optional<String> holder, long epoch, Instant until, Duration left, boolean mine,
                    long backlog) {
}
