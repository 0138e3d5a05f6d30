package io.jobdrop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Hands out due notifications under a lease and records what each attempt decided. Each call is a short transaction
 * of its own on a pooled connection, not a write of the group commit: webhook delivery never waits in line with
 * intake records and forward attempts, nor makes them wait.
 */
final class NotificationOutbox {

    private final Transactions transactions;
    private final Supplier<Instant> clock;
    private final String instanceId;

    NotificationOutbox(Transactions transactions, Supplier<Instant> clock, String instanceId) {
        this.transactions = transactions;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    List<Notification> claimDue(int max, Duration lease, Set<String> pausedUrls) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        return transactions.inTransaction("claim due notifications", c -> {
            Instant now = clock.get();
            Instant until = DbTime.storable(now.plus(lease));
            List<Notification> claimed = new ArrayList<>();
            for (String id : NotificationTable.due(c, now, max, pausedUrls)) {
                if (NotificationTable.lease(c, id, now, until, instanceId)) {
                    claimed.add(NotificationTable.read(c, id));
                }
            }
            return claimed;
        });
    }

    boolean record(Notification notification, NotificationOutcome outcome) {
        return transactions.inTransaction("record notification " + notification.id(),
                c -> NotificationTable.record(c, notification.id(), instanceId, outcome, clock.get()));
    }

    int prune(Duration retention) {
        return transactions.inTransaction("prune notifications",
                c -> NotificationTable.prune(c, DbTime.storable(clock.get().minus(retention))));
    }

    NotificationCounts counts() {
        return transactions.inTransaction("count notifications", NotificationTable::counts);
    }

    List<NotificationEntry> list(String state, int limit) {
        return transactions.inTransaction("list notifications", c -> NotificationTable.list(c, state, limit));
    }
}
