package io.jobdrop.store;

/**
 * The result of recording an intake unit under an idempotency key. {@code repeated} means the key was already used
 * within its lifetime: nothing was recorded, {@code outcome} is null and {@code answer} is the first request's.
 */
public record KeyedOutcome(FileOutcome outcome, StoredAnswer answer, boolean repeated) {
}
