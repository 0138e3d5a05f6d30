package io.jobdrop.app;

import io.jobdrop.forward.ForwardObserver;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.intake.IntakeObserver;
import io.jobdrop.store.AttemptOutcome;
import io.jobdrop.store.FileOutcome;
import io.jobdrop.store.JobChange;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerStats;
import io.jobdrop.store.OutboxItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * jobdrop's own series beside Camel's and the JVM's on {@code /observe/metrics}: what intake took (by source and
 * verdict), what it did to jobs, how forward attempts ended and how long they took, and the outbox as the ledger
 * holds it. Counters and latencies count what this instance did; the outbox gauges read the shared ledger, at most
 * once per {@code snapshotAge} however often they are scraped.
 */
public final class PipelineMetrics implements IntakeObserver, ForwardObserver {

    private final MeterRegistry registry;
    private final JobLedger ledger;
    private final Clock clock;
    private final Duration snapshotAge;
    private final Timer forwardLatency;
    private final Timer acknowledged;
    private volatile Snapshot snapshot;

    private record Snapshot(Instant at, LedgerStats stats) {
    }

    public PipelineMetrics(MeterRegistry registry, JobLedger ledger, Clock clock, Duration snapshotAge) {
        this.registry = registry;
        this.ledger = ledger;
        this.clock = clock;
        this.snapshotAge = snapshotAge;
        this.forwardLatency = Timer.builder("jobdrop.forward.latency")
                .description("time from sending a job to the orchestrator to its answer (or failure)")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        this.acknowledged = Timer.builder("jobdrop.drop.to.acknowledged")
                .description("time from recording a job version (its file, object or body taken) to the orchestrator"
                        + " acknowledging it")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry);
        for (String state : new String[]{"pending", "retrying", "sending"}) {
            Gauge.builder("jobdrop.outbox.depth", this, m -> m.stats().outboxByState().getOrDefault(state, 0L))
                    .description("jobs waiting in the outbox, by state").tag("state", state).register(registry);
        }
        Gauge.builder("jobdrop.outbox.oldest.queued.age", this, PipelineMetrics::oldestQueuedSeconds)
                .description("how long the oldest job in the outbox has waited").baseUnit("seconds").register(registry);
        Gauge.builder("jobdrop.dead.letters", this, m -> m.stats().deadLetters())
                .description("jobs given up on (dead letters), waiting for a replay").register(registry);
        FunctionCounter.builder("jobdrop.ledger.transactions", ledger, l -> l.writerTotals().transactions())
                .description("transactions this instance's ledger writers committed (group commits)")
                .register(registry);
        FunctionCounter.builder("jobdrop.ledger.writes", ledger, l -> l.writerTotals().writes())
                .description("writes committed in them: records, claims, forward attempts, polls")
                .register(registry);
        FunctionCounter.builder("jobdrop.ledger.writer.busy", ledger,
                        l -> l.writerTotals().busy().toNanos() / 1e9)
                .description("time the ledger writers spent running and committing transactions")
                .baseUnit("seconds").register(registry);
    }

    /**
     * The size of an H2 ledger's file: it only grows while jobdrop runs (see LedgerCompaction), so this is what to
     * alert on before the disk fills. Micrometer holds a gauge's object weakly, and nothing else holds this path.
     */
    void ledgerFile(Path file) {
        Gauge.builder("jobdrop.ledger.file", file, PipelineMetrics::sizeOf).strongReference(true)
                .description("size of the H2 ledger's file; it shrinks only when compacted (at start, or jobdrop compact)")
                .baseUnit("bytes").register(registry);
    }

    private static double sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    @Override
    public void taken(String source, FileVerdict verdict, FileOutcome outcome) {
        Counter.builder("jobdrop.intake.taken")
                .description("files, objects and HTTP bodies taken, by source and verdict")
                .tag("source", source).tag("verdict", verdict.accepted() ? "accepted" : "rejected")
                .register(registry).increment();
        for (JobChange change : outcome.changes()) {
            Counter.builder("jobdrop.jobs").description("jobs recorded, by what the record did to them")
                    .tag("change", change.change().name().toLowerCase(Locale.ROOT)).register(registry).increment();
        }
    }

    @Override
    public void attempted(OutboxItem item, AttemptOutcome outcome, Duration latency, Duration sinceQueued) {
        Counter.builder("jobdrop.forward.attempts").description("forward attempts, by outcome")
                .tag("outcome", outcome.wireName()).register(registry).increment();
        forwardLatency.record(latency);
        if (outcome == AttemptOutcome.SUBMITTED || outcome == AttemptOutcome.ALREADY_PRESENT) {
            acknowledged.record(sinceQueued.isNegative() ? Duration.ZERO : sinceQueued);
        }
    }

    private double oldestQueuedSeconds() {
        Instant oldest = stats().oldestQueuedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    /** A scrape reads several gauges: one ledger query serves them all. */
    private LedgerStats stats() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.at().plus(snapshotAge).isBefore(now)) {
            current = new Snapshot(now, ledger.stats());
            snapshot = current;
        }
        return current.stats();
    }
}
