package io.jobdrop.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened per interval over the last minutes, oldest interval first: units taken (accepted and rejected) and
 * forwards (a job version the orchestrator took, or already had). Every interval is listed, empty ones with zeros.
 */
public record Timeline(Instant from, Duration step, List<Interval> intervals) {

    /** One interval, starting at {@code start} and lasting the timeline's step. */
    public record Interval(Instant start, long accepted, long rejected, long forwarded) {

        public long taken() {
            return accepted + rejected;
        }
    }
}
