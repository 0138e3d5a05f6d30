package io.jobdrop.ingest;

import io.jobdrop.spec.GoText;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobState;
import io.jobdrop.spec.JobStateType;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Stamps the fields Bacalhau's orchestrator generates when it creates a job (IDGenerator, NameOptional, CreateJob):
 * ID {@code j-<uuid>}, Name = ID when empty, Namespace {@code default}, State Pending, Version 1, Revision 1, and
 * CreateTime = ModifyTime = now in Unix nanoseconds. Then the job is normalized again, as CreateJob does.
 */
public final class Stamper {

    public static final String JOB_ID_PREFIX = "j-";

    private final Clock clock;
    private final Supplier<UUID> uuids;

    public Stamper(Clock clock, Supplier<UUID> uuids) {
        this.clock = Objects.requireNonNull(clock);
        this.uuids = Objects.requireNonNull(uuids);
    }

    /** Stamps a job that is new to the store. A service or daemon job keeps a client-supplied ID. */
    public void stampNew(Job job) {
        boolean keepsClientId = job.runsLongTerm() && !GoText.orEmpty(job.id).isEmpty();
        if (!keepsClientId) {
            job.id = JOB_ID_PREFIX + uuids.get().toString().toLowerCase(Locale.ROOT);
        }
        if (GoText.orEmpty(job.name).isEmpty()) {
            job.name = job.id;
        }
        if (GoText.orEmpty(job.namespace).isEmpty()) {
            job.namespace = Job.DEFAULT_NAMESPACE;
        }
        JobState pending = new JobState();
        pending.stateType = JobStateType.PENDING;
        job.state = pending;
        job.version = 1;
        job.revision = 1;
        long now = unixNanos(clock.instant());
        job.createTime = now;
        job.modifyTime = now;
        job.normalize();
    }

    static long unixNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
