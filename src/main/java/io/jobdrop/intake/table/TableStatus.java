package io.jobdrop.intake.table;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a table source's database answers, as its last poll found out, and when to poll again. While polls fail
 * they back off from the poll interval, doubling up to {@link #MAX_BACKOFF}, so an outage costs few connection
 * attempts; the first poll that works resets everything.
 */
public final class TableStatus {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What health reports: {@code problem} is null while the database answers. */
    public record Snapshot(String problem, int failures, Instant lastPolled) {
    }

    private final Duration pollInterval;
    private String problem;
    private int failures;
    private Instant lastPolled;
    private Instant nextAttempt = Instant.MIN;

    public TableStatus(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    synchronized boolean due(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    synchronized void polled(Instant now) {
        problem = null;
        failures = 0;
        lastPolled = now;
        nextAttempt = Instant.MIN;
    }

    synchronized void failed(String why, Instant now) {
        problem = why;
        failures++;
        nextAttempt = now.plus(backoff(failures));
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(problem, failures, lastPolled);
    }

    /** The pause after the n-th failure in a row: one poll interval, doubled each time, at most 30 s. */
    Duration backoff(int failuresInARow) {
        Duration pause = pollInterval;
        for (int i = 1; i < failuresInARow && pause.compareTo(MAX_BACKOFF) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }
}
