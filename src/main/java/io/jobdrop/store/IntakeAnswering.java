package io.jobdrop.store;

import java.util.Map;

/**
 * Turns the outcome of an HTTP body's record into the answer its request gets (and its repeats, under an idempotency
 * key). Runs inside the recording transaction, so it must not block.
 */
@FunctionalInterface
public interface IntakeAnswering {

    /** @param deliveries the delivery state each job of the outcome is left in, by job ID */
    StoredAnswer answer(FileOutcome outcome, Map<String, DeliveryState> deliveries);
}
