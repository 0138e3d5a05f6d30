package io.jobdrop.store;

import java.time.Instant;
import java.util.Map;

/**
 * The ledger at a glance: intake units by verdict ({@code accepted}, {@code rejected}), jobs by delivery state, outbox
 * rows by state ({@code pending}: waiting for a first send; {@code retrying}: failed before, waiting for a retry;
 * {@code sending}: leased by an instance now), the oldest queue time in the outbox (null when it is empty) and the dead
 * letters.
 */
public record LedgerStats(Map<String, Long> filesByVerdict, Map<String, Long> jobsByDelivery,
                          Map<String, Long> outboxByState, Instant oldestQueuedAt, long deadLetters) {

    public long outboxDepth() {
        return outboxByState.values().stream().mapToLong(Long::longValue).sum();
    }
}
