package io.jobdrop.store;

import io.jobdrop.ingest.FileVerdict;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The job ledger: every job, version, event and forward attempt, and the outbox the forward route drains. All state
 * lives in the database, so a restart loses nothing and several instances can share one PostgreSQL database.
 * Database failures surface as {@link LedgerException}; they never turn into a verdict on a job.
 */
public final class JobLedger implements AutoCloseable {

    /** The most writes one group commit takes. */
    public static final int DEFAULT_WRITE_BATCH = 256;

    private final DataSource dataSource;
    private final LedgerWriters writes;
    private final IntakeRecorder intake;
    private final OutboxClaimer outbox;
    private final AttemptRecorder attempts;
    private final DeadLetters deadLetters;
    private final LedgerQueries queries;
    private final StatusQueries status;
    private final FollowRecorder follows;
    private final Reruns reruns;
    private final Transactions transactions;
    private final Clock clock;
    private final EventTable events;
    private final NotificationOutbox notifications;
    private final String instanceId;

    /** @param instanceId names this instance as lease owner and as the source of the events it writes */
    public JobLedger(DataSource ds, Clock clock, String instanceId) {
        this(ds, clock, instanceId, DEFAULT_WRITE_BATCH);
    }

    /** @param writeBatch the most intake records and forward attempts committed in one transaction */
    public JobLedger(DataSource ds, Clock clock, String instanceId, int writeBatch) {
        this(ds, clock, instanceId, writeBatch, NotifyTargets.NONE);
    }

    /** @param notify the webhooks that notifiable events go to (job ends, dead letters, rejected files) */
    public JobLedger(DataSource ds, Clock clock, String instanceId, int writeBatch, NotifyTargets notify) {
        this(ds, clock, instanceId, 1, writeBatch, notify);
    }

    /**
     * @param writers how many writers commit side by side (see {@link LedgerWriters}); each holds a connection of
     *                {@code ds} while it writes
     */
    public JobLedger(DataSource ds, Clock clock, String instanceId, int writers, int writeBatch,
                     NotifyTargets notify) {
        this.dataSource = ds;
        this.clock = clock;
        this.instanceId = instanceId;
        Transactions transactions = new Transactions(ds);
        this.transactions = transactions;
        this.events = new EventTable(notify);
        this.writes = new LedgerWriters(ds, writers, writeBatch);
        Supplier<Instant> now = () -> DbTime.storable(clock.instant());
        this.intake = new IntakeRecorder(writes, now, events);
        this.outbox = new OutboxClaimer(transactions, writes, now, instanceId);
        this.attempts = new AttemptRecorder(writes, now, instanceId, events);
        this.deadLetters = new DeadLetters(transactions, now, instanceId, events);
        this.notifications = new NotificationOutbox(transactions, now, instanceId);
        this.queries = new LedgerQueries(transactions);
        this.status = new StatusQueries(transactions, now);
        this.follows = new FollowRecorder(writes, transactions, now, instanceId, events);
        this.reruns = new Reruns(transactions, now, instanceId, events);
    }

    // ---- following (issue 12) ---------------------------------------------------------------------------------

    /**
     * From now on a delivered job version is followed: its follow row is written with the delivery, first poll due
     * {@code firstPoll} later. Off until called (the ledger commands and tests that do not follow).
     */
    public void followDelivered(Duration firstPoll) {
        attempts.followDelivered(firstPoll);
    }

    /** Up to {@code max} followed jobs whose poll is due, soonest first, leased to this instance for {@code lease}. */
    public List<FollowItem> claimFollows(int max, Duration lease) {
        return follows.claimDue(max, lease);
    }

    /** Records one poll's decision (states, events, executions, the next poll, unit results) and waits for it. */
    public void recordFollow(FollowItem item, FollowDecision decision) {
        await(submitFollow(item, decision));
    }

    /** {@link #recordFollow} without waiting: completes once the poll's decision is committed. */
    public CompletableFuture<Void> submitFollow(FollowItem item, FollowDecision decision) {
        return follows.record(item, decision);
    }

    /**
     * Queues a rerun of a delivered job's current version (event {@code rerun} with {@code reason}); it is sent by
     * the forward route and followed again once delivered. Returns the job's ID.
     *
     * @throws IllegalArgumentException when no job has this ID or Name, or the Name is ambiguous
     * @throws IllegalStateException    when the job is not delivered (queued, or a dead letter)
     */
    public String rerun(String idOrName, String reason) {
        return reruns.rerun(idOrName, reason).id();
    }

    /**
     * jobdrop.inbox.rerun-unchanged: an identical inbox file, recorded {@code unchanged}, also queues a rerun of each
     * of its delivered jobs (one still queued or dead is left as it is).
     */
    public void rerunUnchangedInboxFiles(boolean on) {
        intake.rerunUnchanged(on);
    }

    /** How many jobs are followed now. */
    public long followedJobs() {
        return follows.followed();
    }

    /** Results of inbox files whose jobs have all ended, still to be written beside the filed file. */
    public List<UnitResult> dueResults(int max) {
        return follows.dueResults(max);
    }

    /** The result file is in place: it is not written again, by this instance or another. */
    public void resultsWritten(List<UnitResult> results) {
        follows.resultsWritten(results);
    }

    /** The executions recorded for a job, oldest first. */
    public List<ExecutionRecord> executions(String jobId) {
        return follows.executions(jobId);
    }

    /**
     * Records one intake unit (a file or an object version) in one transaction: the claim, then either the rejection
     * or each accepted job in file order (a second job with the same Name updates the first). When the claim is
     * already recorded nothing changes and the recorded disposition comes back with {@code alreadyRecorded}. An
     * updated job's {@code Job} is brought to the recorded ID, CreateTime, Version, Revision and ModifyTime.
     */
    public FileOutcome recordFile(IntakeClaim claim, FileVerdict verdict) {
        return await(submitFile(claim, verdict));
    }

    /**
     * {@link #recordFile} without waiting: completes once the record is committed (group commit: records submitted
     * together share one transaction, in submission order), exceptionally with {@link LedgerException} when the
     * database failed.
     */
    public CompletableFuture<FileOutcome> submitFile(IntakeClaim claim, FileVerdict verdict) {
        return submitFile(claim, verdict, null);
    }

    /**
     * {@link #submitFile} keeping the text of a rejected unit with its rejection, in the same transaction, for the
     * dashboard's report (a bucket object or an HTTP body is gone once taken). Nothing is kept for an accepted unit.
     */
    public CompletableFuture<FileOutcome> submitFile(IntakeClaim claim, FileVerdict verdict, String rejectedText) {
        return intake.record(claim, verdict, rejectedText);
    }

    /**
     * Records where an intake unit's file was filed ({@code .done/x.1.yaml}), as a write of the group commit; completes
     * once committed.
     */
    public CompletableFuture<Void> submitPlacement(IntakeClaim claim, String placedAs) {
        return intake.place(claim, placedAs);
    }

    /**
     * {@link #submitFile} for a request that waits for its answer: {@code answering} turns the outcome into the answer
     * inside the recording transaction. With a {@code key} (null: none), the answer is committed with the record;
     * when the key already holds an answer younger than {@code keyLifetime}, nothing is recorded and that answer
     * comes back as {@code repeated}.
     */
    public CompletableFuture<KeyedOutcome> submitAnswered(IntakeClaim claim, FileVerdict verdict, String key,
                                                          Duration keyLifetime, IntakeAnswering answering) {
        return submitAnswered(claim, verdict, null, key, keyLifetime, answering);
    }

    /** {@link #submitAnswered} keeping the text of a rejected unit, as {@link #submitFile(IntakeClaim, FileVerdict, String)}. */
    public CompletableFuture<KeyedOutcome> submitAnswered(IntakeClaim claim, FileVerdict verdict, String rejectedText,
                                                          String key, Duration keyLifetime,
                                                          IntakeAnswering answering) {
        return intake.recordAnswered(claim, verdict, rejectedText, key,
                DbTime.storable(clock.instant()).minus(keyLifetime), answering);
    }

    /** Up to {@code max} due rows, oldest due first, leased to this instance for {@code lease}. */
    public List<OutboxItem> claimDue(int max, Duration lease) {
        return outbox.claimDue(max, lease);
    }

    /**
     * Records an attempt for a claimed item and applies its delivery decision, in one transaction. The decision
     * settles the job only while the outbox still holds the item's version; an answer for an older version is kept
     * as history and frees the row for the newer one.
     *
     * @param statusCode the HTTP status, null when no answer came
     * @param error      what went wrong in the attempt's own words (transport error, response body); null takes the
     *                   delivery's reason
     */
    public void recordAttempt(OutboxItem item, Integer statusCode, long latencyMs, String error, Delivery delivery) {
        await(submitAttempt(item, statusCode, latencyMs, error, delivery));
    }

    /** {@link #recordAttempt} without waiting: completes once the attempt is committed. */
    public CompletableFuture<Void> submitAttempt(OutboxItem item, Integer statusCode, long latencyMs, String error,
                                                 Delivery delivery) {
        return attempts.record(item, statusCode, latencyMs, error, delivery);
    }

    /** @param deliveryOrNull "queued", "submitted" or "dead"; null lists all. The latest changed first. */
    public List<JobSummary> listJobs(String deliveryOrNull, int limit) {
        return queries.list(deliveryOrNull, limit);
    }

    /** @param deliveryOrNull as for {@link #listJobs}; how many jobs it would list without a limit */
    public long countJobs(String deliveryOrNull) {
        return queries.count(deliveryOrNull);
    }

    /**
     * A page of jobs, newest first (by CreateTime, then ID), starting below {@code after} (null: the first page).
     * Null filters match everything; {@code source} is where the job's current version came from.
     */
    public JobPage pageJobs(DeliveryState delivery, String name, String source, JobCursor after, int limit) {
        return pageJobs(delivery, name, null, source, after, limit);
    }

    /** {@link #pageJobs} with {@code nameContains}: only jobs whose Name contains it, whatever the case. */
    public JobPage pageJobs(DeliveryState delivery, String name, String nameContains, String source, JobCursor after,
                            int limit) {
        return status.jobs(delivery, name, nameContains, source, after, limit);
    }

    /** A page of intake units (files, objects, HTTP bodies), newest first, starting below {@code after}. */
    public IntakePage pageIntake(Disposition disposition, String name, IntakeCursor after, int limit) {
        return status.intake(disposition, name, after, limit);
    }

    /** The intake unit under this source and claim key, with the text of a rejected one. */
    public Optional<RejectedUnit> intakeUnit(String source, String claimKey) {
        return status.unit(source, claimKey);
    }

    /** Units taken and forwards per interval of {@code step}, {@code count} intervals from {@code from}. */
    public Timeline timeline(Instant from, Duration step, int count) {
        return status.timeline(from, step, count);
    }

    /** Counts for the status API and the metrics. */
    public LedgerStats stats() {
        return status.stats();
    }

    /**
     * The claims of one source the ledger already holds among {@code claimKeys}, by key: a source that writes verdicts
     * back (table rows) learns which units are recorded and what was recorded for them, without judging them again.
     */
    public Map<String, RecordedClaim> recordedClaims(String source, Collection<String> claimKeys) {
        if (claimKeys.isEmpty()) {
            return Map.of();
        }
        return transactions.inTransaction("read the claims of " + source,
                c -> ClaimTable.recorded(c, source, claimKeys));
    }

    /**
     * A job by ID, or by Name in any namespace.
     *
     * @throws IllegalArgumentException when the Name is used in several namespaces; the message lists them with IDs
     */
    public Optional<JobDetail> show(String idOrName) {
        return queries.show(idOrName);
    }

    /**
     * The inbox files recorded under this name (as dropped, as taken, or as filed), each with its verdict, its jobs and
     * where it was filed; the oldest first.
     */
    public List<FileRecord> showFile(String file) {
        return queries.showFile(file);
    }

    /**
     * Puts a dead job's current version back into the outbox, due now with no failures.
     *
     * @return 1 when replayed, 0 when the job is not dead
     * @throws IllegalArgumentException when no job has this ID or Name, or the Name is ambiguous
     */
    public int replay(String idOrName) {
        return deadLetters.replay(idOrName);
    }

    /** @return how many dead jobs were put back into the outbox */
    public int replayAllDead() {
        return deadLetters.replayAll();
    }

    /**
     * Jobs paused after the orchestrator refused other credentials than these (a fingerprint) become due now: the
     * pause was meant for the refused token, not for the one jobdrop has now.
     *
     * @return how many jobs were resumed
     */
    public int resumeRefusedOtherThan(String credentialsFingerprint) {
        return outbox.resumeRefusedOtherThan(credentialsFingerprint);
    }

    /**
     * Up to {@code max} due webhook notifications, oldest due first, leased to this instance for {@code lease}; none
     * to the {@code pausedUrls}.
     */
    public List<Notification> claimNotifications(int max, Duration lease, Set<String> pausedUrls) {
        return notifications.claimDue(max, lease, pausedUrls);
    }

    /**
     * Records what an attempt at a claimed notification decided. A delivery settles the row in any case; a retry or a
     * give-up only while this instance still holds the lease.
     *
     * @return whether the row changed
     */
    public boolean recordNotification(Notification notification, NotificationOutcome outcome) {
        return notifications.record(notification, outcome);
    }

    /** Deletes the notifications delivered or given up longer than {@code retention} ago; returns how many. */
    public int pruneNotifications(Duration retention) {
        return notifications.prune(retention);
    }

    /** The notification outbox by state, for the status API and the metrics. */
    public NotificationCounts notificationCounts() {
        return notifications.counts();
    }

    /** @param stateOrNull pending, failed or delivered; null lists all. The newest first. */
    public List<NotificationEntry> listNotifications(String stateOrNull, int limit) {
        return notifications.list(stateOrNull, limit);
    }

    /** A cheap round trip for health checks; throws {@link LedgerException} when the database does not answer. */
    public void ping() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new LedgerException("the ledger database does not answer: " + e.getMessage(), e);
        }
    }

    /** Who hears about the database failing the writer as a whole, and about commits succeeding again. */
    public void listener(LedgerListener listener) {
        writes.listener(listener);
    }

    /** What the writers have committed since start (this instance's writers, not the shared database's). */
    public WriterTotals writerTotals() {
        return writes.totals();
    }

    /** How the writers are doing: writes waiting, time since the last commit of one with work waiting. */
    public WriterProgress writerProgress() {
        return writes.progress();
    }

    /**
     * This ledger's identity, made once when the database was created (V5); it stays the same across restarts and for
     * every instance that shares the database.
     */
    public String identity() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT ledger_id FROM ledger_identity WHERE singleton = 1")) {
            if (!r.next()) {
                throw new LedgerException("the ledger has no identity row (ledger_identity is empty)", null);
            }
            return r.getString(1);
        } catch (SQLException e) {
            throw new LedgerException("cannot read the ledger's identity: " + e.getMessage(), e);
        }
    }

    /**
     * When the outbox next has a row to claim: the earliest next attempt, or for a leased row the end of its lease if
     * that is later (so a poller does not spin on rows in flight). Empty when the outbox is empty.
     */
    public Optional<Instant> nextDue() {
        return outbox.nextDue();
    }

    /** Commits the writes already submitted, then refuses new ones. The data source stays open; it is the caller's. */
    @Override
    public void close() throws InterruptedException {
        writes.close();
    }

    /** The result of a submitted write, or what made it fail, unwrapped. */
    public static <T> T await(CompletableFuture<T> write) {
        try {
            return write.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** What a failed write threw, as the synchronous call would have thrown it. */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new LedgerException(cause.getMessage(), cause);
    }
}
