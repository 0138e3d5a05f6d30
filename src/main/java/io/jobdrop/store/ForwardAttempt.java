package io.jobdrop.store;

import java.time.Instant;

/** One attempt to forward a version; {@code statusCode} is null when no HTTP answer came (timeout, refused). */
public record ForwardAttempt(int attempt, long version, Instant at, Integer statusCode, long latencyMs,
                             AttemptOutcome outcome, String error) {
}
