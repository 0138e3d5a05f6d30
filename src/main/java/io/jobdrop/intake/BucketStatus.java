package io.jobdrop.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a bucket answers, as its last listing found out, and when to ask again. While it fails, polls back off
 * exponentially from the poll interval up to {@link #MAX_BACKOFF}, so an outage costs few requests and few log lines;
 * the first listing that works resets everything.
 */
public final class BucketStatus {

    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What health reports: {@code problem} is null while the bucket answers. */
    public record Snapshot(String problem, int failures, Instant lastListed) {
    }

    private final Duration pollInterval;
    private String problem;
    private int failures;
    private Instant lastListed;
    private Instant nextAttempt = Instant.MIN;

    public BucketStatus(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    synchronized boolean due(Instant now) {
        return !now.isBefore(nextAttempt);
    }

    synchronized void listed(Instant now) {
        problem = null;
        failures = 0;
        lastListed = now;
        nextAttempt = Instant.MIN;
    }

    synchronized void failed(String why, Instant now) {
        problem = why;
        failures++;
        nextAttempt = now.plus(backoff(failures));
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(problem, failures, lastListed);
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
