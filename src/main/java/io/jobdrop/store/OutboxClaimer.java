package io.jobdrop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hands out due outbox rows under a lease. The lease is what keeps two instances (or two pollers) from sending one
 * row at once; it runs out by itself, so the rows of an instance that died are sent by another.
 */
final class OutboxClaimer {

    private final Transactions transactions;
    private final LedgerWriters writes;
    private final Supplier<Instant> clock;
    private final String instanceId;

    /** Claims are writes of the group commit (sharing a commit with intake records and attempts); reads are not. */
    OutboxClaimer(Transactions transactions, LedgerWriters writes, Supplier<Instant> clock, String instanceId) {
        this.transactions = transactions;
        this.writes = writes;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    List<OutboxItem> claimDue(int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        return JobLedger.await(writes.submit(null, "claim due outbox rows", c -> {
            Instant now = clock.get();
            Instant until = DbTime.storable(now.plus(lease));
            return OutboxTable.lease(c, OutboxTable.lockDue(c, now, max), now, until, instanceId);
        }));
    }

    int resumeRefusedOtherThan(String credentials) {
        return transactions.inTransaction("resume jobs paused for other credentials",
                c -> OutboxTable.resumeRefusedOtherThan(c, credentials, clock.get()));
    }

    Optional<Instant> nextDue() {
        return transactions.inTransaction("read the next due outbox row", OutboxTable::nextDue);
    }
}
