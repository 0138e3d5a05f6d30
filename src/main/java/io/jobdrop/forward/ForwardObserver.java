package io.jobdrop.forward;

import io.jobdrop.store.AttemptOutcome;
import io.jobdrop.store.OutboxItem;

import java.time.Duration;

/** Told of every forward attempt once it is committed (metrics). */
@FunctionalInterface
public interface ForwardObserver {

    ForwardObserver NONE = (item, outcome, latency, sinceQueued) -> { };

    /**
     * @param latency     from sending the PUT to its answer (or failure)
     * @param sinceQueued from when the version was queued (recorded at intake, or replayed) until now
     */
    void attempted(OutboxItem item, AttemptOutcome outcome, Duration latency, Duration sinceQueued);
}
