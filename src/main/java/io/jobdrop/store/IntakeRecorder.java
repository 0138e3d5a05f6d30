package io.jobdrop.store;

import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.Job;
import io.jobdrop.spec.JobJson;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Records one intake unit and the jobs in it, as one write of the ledger's group commit. */
final class IntakeRecorder {

    private final LedgerWriters writes;
    private final Supplier<Instant> clock;
    /** jobdrop.inbox.rerun-unchanged: an identical inbox file asks for a rerun of its delivered jobs. */
    private volatile boolean rerunUnchanged;

    void rerunUnchanged(boolean on) {
        this.rerunUnchanged = on;
    }
    private final EventTable events;

    IntakeRecorder(LedgerWriters writes, Supplier<Instant> clock, EventTable events) {
        this.writes = writes;
        this.clock = clock;
        this.events = events;
    }

    /** @param rejectedText kept with a rejection (the dashboard shows it); null when there is none to keep */
    CompletableFuture<FileOutcome> record(IntakeClaim claim, FileVerdict verdict, String rejectedText) {
        return writes.submit(key(claim, verdict), what(claim),
                (c, guarded) -> recordIn(c, claim, verdict, rejectedText, guarded));
    }

    CompletableFuture<Void> place(IntakeClaim claim, String placedAs) {
        return writes.submit(null, "place " + claim.displayName(), c -> {
            ClaimTable.place(c, claim, placedAs);
            return null;
        });
    }

    /**
     * Records the unit and answers for its outcome in one write. With a {@code key}, the answer is stored under it in
     * the same transaction; unless an answer under the key is younger than {@code notBefore}: then nothing is recorded
     * and that answer comes back. Two requests with one key at once (two instances): the second insert of the key
     * waits for the first transaction and fails on the key, which rolls the second record back to its savepoint.
     */
    CompletableFuture<KeyedOutcome> recordAnswered(IntakeClaim claim, FileVerdict verdict, String rejectedText,
                                                   String key, Instant notBefore, IntakeAnswering answering) {
        return writes.submit(key(claim, verdict), what(claim), (c, guarded) -> {
            if (key != null) {
                Optional<StoredAnswer> first = HttpAnswerTable.fresh(c, key, notBefore);
                if (first.isPresent()) {
                    return new KeyedOutcome(null, first.get(), true);
                }
            }
            Savepoint savepoint = c.setSavepoint();
            try {
                FileOutcome outcome = recordIn(c, claim, verdict, rejectedText, guarded);
                StoredAnswer answer = answering.answer(outcome, deliveries(c, outcome));
                if (key != null) {
                    HttpAnswerTable.insert(c, key, answer, clock.get());
                }
                c.releaseSavepoint(savepoint);
                return new KeyedOutcome(outcome, answer, false);
            } catch (SQLException e) {
                if (key == null || !SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                Optional<StoredAnswer> raced = HttpAnswerTable.fresh(c, key, notBefore);
                if (raced.isEmpty()) {
                    throw e;
                }
                return new KeyedOutcome(null, raced.get(), true);
            }
        });
    }

    /** The write, as its failures name it: "record inbox a.yaml". */
    private static String what(IntakeClaim claim) {
        return "record " + claim.source() + " " + claim.displayName();
    }

    /**
     * The writer a unit goes to: the one of its first job, so that files about one job are recorded in the order they
     * came (a unit of several jobs may still meet another writer on a later one: a deadlock, which is run again).
     */
    private static String key(IntakeClaim claim, FileVerdict verdict) {
        if (!verdict.accepted() || verdict.jobs().isEmpty()) {
            return claim.source() + '\u0000' + claim.key();
        }
        Job job = verdict.jobs().get(0).job();
        return LedgerWriters.jobKey(job.namespace, job.name);
    }

    /** A created or updated job is queued; an unchanged one stays where it was. */
    private static Map<String, DeliveryState> deliveries(Connection c, FileOutcome outcome) throws SQLException {
        Map<String, DeliveryState> deliveries = new HashMap<>();
        for (JobChange change : outcome.changes()) {
            if (change.change() != Change.UNCHANGED) {
                deliveries.put(change.jobId(), DeliveryState.QUEUED);
            } else {
                JobTable.lockById(c, change.jobId()).ifPresent(job -> deliveries.put(job.id(), job.delivery()));
            }
        }
        return deliveries;
    }

    /**
     * A unique violation on the claim means someone recorded this unit first: its outcome stands. Any other unique
     * violation is another instance creating the same job Name at the same moment: one retry finds that job and
     * updates it. Both roll back to a savepoint of their own, leaving the rest of the transaction alone; but only when
     * {@code guarded} by one of the group commit's: a batch's first run has none (one round trip less per statement
     * of the kind on PostgreSQL), so there the violation fails the run and the group commit runs the write again,
     * guarded.
     */
    private FileOutcome recordIn(Connection c, IntakeClaim claim, FileVerdict verdict, String rejectedText,
                                 boolean guarded) throws SQLException {
        if (!guarded) {
            return recordOnce(c, claim, verdict, rejectedText);
        }
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                FileOutcome outcome = recordOnce(c, claim, verdict, rejectedText);
                c.releaseSavepoint(savepoint);
                return outcome;
            } catch (SQLException e) {
                if (attempt > 1 || !SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                Optional<Disposition> recorded = ClaimTable.disposition(c, claim);
                if (recorded.isPresent()) {
                    return new FileOutcome(recorded.get(), true, List.of());
                }
            }
        }
    }

    private FileOutcome recordOnce(Connection c, IntakeClaim claim, FileVerdict verdict, String rejectedText)
            throws SQLException {
        Instant now = clock.get();
        Disposition disposition = verdict.accepted() ? Disposition.DONE : Disposition.ERROR;
        String report = verdict.accepted() ? null : ProblemsJson.write(verdict.errors());
        ClaimTable.insert(c, claim, disposition, report, rejectedText, now);
        events.appendForFile(c, EventType.RECEIVED, claim.displayName(), ProblemsJson.writeAny(verdict.warnings()),
                now);
        if (!verdict.accepted()) {
            events.appendForFile(c, EventType.REJECTED, claim.displayName(), report, now);
            return new FileOutcome(Disposition.ERROR, false, List.of());
        }
        List<JobChange> changes = new ArrayList<>();
        for (AcceptedJob job : verdict.jobs()) {
            changes.add(recordJob(c, claim, job, now));
        }
        ClaimTable.recordJobs(c, claim, changes);
        // a unit of unchanged jobs that have ended gets its result now, from their current state: no end is coming
        for (JobChange change : changes) {
            if (change.change() == Change.UNCHANGED) {
                UnitSettling.settleUnitsOf(c, change.jobId());
            }
        }
        return new FileOutcome(Disposition.DONE, false, List.copyOf(changes));
    }

    private JobChange recordJob(Connection c, IntakeClaim claim, AcceptedJob accepted, Instant now)
            throws SQLException {
        Job job = accepted.job();
        Optional<StoredJob> existing = JobTable.lockByName(c, job.namespace, job.name);
        if (existing.isEmpty()) {
            return create(c, claim, accepted, now);
        }
        StoredJob current = existing.get();
        if (JobTable.currentSpec(c, current.id()).equals(accepted.specJson())) {
            events.appendForJob(c, current.ref(), EventType.UNCHANGED, claim.displayName(),
                    "same spec as version " + current.version(), now);
            if (rerunUnchanged && UnitResults.INBOX.equals(claim.source())
                    && current.delivery() == DeliveryState.SUBMITTED
                    && OutboxTable.lockQueued(c, current.id()).isEmpty()) {
                Reruns.rerunIn(c, events, current.id(), "identical file dropped again (jobdrop.inbox.rerun-unchanged)", now,
                        claim.displayName());
            }
            return current.ref().change(Change.UNCHANGED);
        }
        return update(c, claim, accepted, current, now);
    }

    private JobChange create(Connection c, IntakeClaim claim, AcceptedJob accepted, Instant now) throws SQLException {
        Job job = accepted.job();
        String jobJson = JobJson.write(job);
        JobTable.insert(c, job, now);
        VersionTable.insert(c, job.id, job.version, jobJson, accepted.specJson(), claim.displayName(), now);
        JobRef ref = new JobRef(job.id, job.namespace, job.name, job.version);
        events.appendForJob(c, ref, EventType.ACCEPTED, claim.displayName(),
                ProblemsJson.writeAny(accepted.warnings()), now);
        OutboxTable.insert(c, job.id, job.version, now);
        return ref.change(Change.CREATED);
    }

    /**
     * Bacalhau's update: the stored ID and CreateTime, Version and Revision one up, ModifyTime now. The accepted job is
     * brought to these values, so the caller holds what was recorded.
     */
    private JobChange update(Connection c, IntakeClaim claim, AcceptedJob accepted, StoredJob current, Instant now)
            throws SQLException {
        Job job = accepted.job();
        job.id = current.id();
        job.createTime = current.createTime();
        job.version = current.version() + 1;
        job.revision = current.revision() + 1;
        job.modifyTime = DbTime.unixNanos(now);
        String jobJson = JobJson.write(job);
        JobTable.updateVersion(c, job, now);
        VersionTable.insert(c, job.id, job.version, jobJson, accepted.specJson(), claim.displayName(), now);
        JobRef ref = new JobRef(job.id, current.namespace(), current.name(), job.version);
        events.appendForJob(c, ref, EventType.UPDATED, claim.displayName(),
                ProblemsJson.writeAny(accepted.warnings()), now);
        OutboxTable.enqueue(c, job.id, job.version, now);
        return ref.change(Change.UPDATED);
    }
}
