package io.jobdrop.notify;

import io.jobdrop.store.NotificationCounts;
import io.jobdrop.store.NotificationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code jobdrop_notifications_attempts_total{outcome}} (what this instance's webhook attempts decided) and
 * {@code jobdrop_notifications{state}} (the shared notification outbox: pending, failed, delivered), read from the
 * ledger at most once per {@code snapshotAge} however often it is scraped. The counts and their reading time are one
 * snapshot in one field: as two, a scrape on another thread could see new counts with no time yet, and fail.
 */
public final class NotificationMetrics implements NotifyObserver {

    private final MeterRegistry registry;
    private final Supplier<NotificationCounts> ledger;
    private final Clock clock;
    private final Duration snapshotAge;
    private volatile Snapshot snapshot;

    /** @param ledger reads the counts from the ledger ({@code JobLedger::notificationCounts}) */
    public NotificationMetrics(MeterRegistry registry, Supplier<NotificationCounts> ledger, Clock clock,
                               Duration snapshotAge) {
        this.registry = registry;
        this.ledger = ledger;
        this.clock = clock;
        this.snapshotAge = snapshotAge;
        gauge("pending", NotificationCounts::pending);
        gauge("failed", NotificationCounts::failed);
        gauge("delivered", NotificationCounts::delivered);
    }

    private void gauge(String state, ToLongFunction<NotificationCounts> count) {
        Gauge.builder("jobdrop.notifications", this, m -> count.applyAsLong(m.counts()))
                .description("webhook notifications in the ledger, by state (failed: given up)")
                .tag("state", state).register(registry);
    }

    @Override
    public void attempted(NotificationOutcome outcome) {
        Counter.builder("jobdrop.notifications.attempts").description("webhook attempts, by outcome")
                .tag("outcome", outcome.wireName()).register(registry).increment();
    }

    private NotificationCounts counts() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || current.readAt().plus(snapshotAge).isBefore(now)) {
            current = new Snapshot(ledger.get(), now);
            snapshot = current;
        }
        return current.counts();
    }

    private record Snapshot(NotificationCounts counts, Instant readAt) {
    }
}
