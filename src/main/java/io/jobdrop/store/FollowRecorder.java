package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Claims followed jobs that are due and records what each poll decided, as one write of the ledger's group commit
 * (the polls of a round share a few transactions). Locks are taken job row first, follow row second, as forwarding
 * does, so a delivery of a newer version and a poll of the older one queue instead of deadlocking. Only the follow
 * the follows table still holds (its version, and its start: a rerun follows the same version anew) is settled by a
 * poll.
 */
final class FollowRecorder {

    private final LedgerWriters writes;
    private final Transactions transactions;
    private final Supplier<Instant> clock;
    private final String instanceId;
    private final EventTable events;

    FollowRecorder(LedgerWriters writes, Transactions transactions, Supplier<Instant> clock, String instanceId,
                   EventTable events) {
        this.events = events;
        this.writes = writes;
        this.transactions = transactions;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    List<FollowItem> claimDue(int max, Duration lease) {
        if (max < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("claim needs max >= 1 and a positive lease, got " + max + ", " + lease);
        }
        return JobLedger.await(writes.submit(null, "claim due follows", c -> {
            Instant now = clock.get();
            Instant until = DbTime.storable(now.plus(lease));
            List<FollowItem> claimed = new ArrayList<>();
            for (long jobSeq : FollowTable.lockDue(c, now, max)) {
                if (FollowTable.lease(c, jobSeq, now, until, instanceId)) {
                    FollowTable.item(c, jobSeq).ifPresent(claimed::add);
                }
            }
            return claimed;
        }));
    }

    CompletableFuture<Void> record(FollowItem item, FollowDecision decision) {
        String key = LedgerWriters.jobKey(item.namespace(), item.name());
        return writes.submit(key, "record a poll of job " + item.jobId(), c -> {
            recordIn(c, item, decision);
            return null;
        });
    }

    private void recordIn(Connection c, FollowItem item, FollowDecision decision) throws SQLException {
        Instant now = clock.get();
        Optional<StoredJob> job = JobTable.lockById(c, item.jobId());
        if (job.isEmpty() || !FollowTable.lockSame(c, item)) {
            return; // a newer version or a rerun is followed now (or none): this answer is about what no longer matters
        }
        JobRef ref = new JobRef(item.jobId(), item.namespace(), item.name(), item.version());
        if (decision instanceof FollowDecision.Retry retry) {
            FollowTable.afterFailure(c, item.jobId(), DbTime.storable(retry.notBefore()));
        } else if (decision instanceof FollowDecision.GiveUp giveUp) {
            setState(c, item.jobId(), "Unknown", now);
            events.appendForJob(c, ref, EventType.UNKNOWN, instanceId, giveUp.reason(), now);
            FollowTable.remove(c, item.jobId());
            UnitSettling.settleUnitsOf(c, item.jobId());
        } else if (decision instanceof FollowDecision.Seen seen) {
            Observation seenNow = seen.observation();
            for (ExecutionRecord execution : seenNow.executions()) {
                ExecutionTable.upsert(c, item.jobId(), item.version(), execution, now);
            }
            if (!seenNow.state().equals(item.state())) {
                setState(c, item.jobId(), seenNow.state(), now);
                Optional<EventType> event = eventFor(seenNow.state());
                if (event.isPresent()) {
                    events.appendForJob(c, ref, event.get(), instanceId, seenNow.message(), now);
                }
            }
            if (seen.nextPollAt() == null) {
                FollowTable.remove(c, item.jobId());
                UnitSettling.settleUnitsOf(c, item.jobId());
            } else {
                FollowTable.afterPoll(c, item.jobId(), seenNow.state(), DbTime.storable(seen.nextPollAt()));
            }
        }
    }

    /** The events a state change writes; Pending and Queued are kept in jobs.state only. */
    static Optional<EventType> eventFor(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "running" -> Optional.of(EventType.RUNNING);
            case "completed" -> Optional.of(EventType.COMPLETED);
            case "failed" -> Optional.of(EventType.FAILED);
            case "stopped" -> Optional.of(EventType.STOPPED);
            default -> Optional.empty();
        };
    }

    private static void setState(Connection c, String jobId, String state, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET state = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, state);
            DbTime.set(s, 2, now);
            s.setString(3, jobId);
            s.executeUpdate();
        }
    }

    long followed() {
        return transactions.inTransaction("count followed jobs", FollowTable::count);
    }

    List<UnitResult> dueResults(int max) {
        return transactions.inTransaction("read the results due", c -> UnitResults.due(c, max));
    }

    void resultsWritten(List<UnitResult> results) {
        if (results.isEmpty()) {
            return;
        }
        transactions.inTransaction("mark " + results.size() + " results written", c -> {
            Instant now = clock.get();
            for (UnitResult result : results) {
                UnitResults.written(c, result, now);
            }
            return null;
        });
    }

    List<ExecutionRecord> executions(String jobId) {
        return transactions.inTransaction("read the executions of job " + jobId,
                c -> ExecutionTable.listForJob(c, jobId));
    }
}
