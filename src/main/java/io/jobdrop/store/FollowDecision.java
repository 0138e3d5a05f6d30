package io.jobdrop.store;

import java.time.Instant;

/** What one poll decided for a followed job; the ledger records it in one transaction. */
public sealed interface FollowDecision {

    /** The orchestrator answered: record what it said; poll again at {@code nextPollAt}, or never when null (final). */
    record Seen(Observation observation, Instant nextPollAt) implements FollowDecision {
    }

    /** No usable answer (outage, 429, 401/403, 5xx): poll again at {@code notBefore}; nothing about the job changes. */
    record Retry(Instant notBefore, String reason) implements FollowDecision {
    }

    /** Following ends without a final state (too old, or the orchestrator no longer knows the job): {@code unknown}. */
    record GiveUp(String reason) implements FollowDecision {
    }
}
