package io.jobdrop.forward;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard jobdrop tries to hand a job to the orchestrator before it becomes a dead letter, and how long it waits
 * when the orchestrator asks it to.
 *
 * @param maxAttempts       failed attempts (the last one included) after which a job is dead
 * @param maxAge            a job queued longer than this is dead at its next failure
 * @param initialBackoff    the backoff ceiling after the first failure; it doubles with each further failure
 * @param maxBackoff        the largest backoff ceiling
 * @param authPause         how long forwarding stops after a 401 or 403
 * @param defaultRetryAfter the wait after a 429 without a usable {@code Retry-After}
 * @param maxRetryAfter     the longest wait a {@code Retry-After} may ask for
 */
public record ForwardPolicy(int maxAttempts, Duration maxAge, Duration initialBackoff, Duration maxBackoff,
                            Duration authPause, Duration defaultRetryAfter, Duration maxRetryAfter) {

    public ForwardPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        requirePositive("maxAge", maxAge);
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("authPause", authPause);
        requirePositive("defaultRetryAfter", defaultRetryAfter);
        requirePositive("maxRetryAfter", maxRetryAfter);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff " + maxBackoff + " must not be shorter than initialBackoff " + initialBackoff);
        }
    }

    /** 10 attempts within 24 hours, backoff from 1 s up to 5 min, 60 s pause on refused credentials. */
    public static ForwardPolicy defaults() {
        return new ForwardPolicy(10, Duration.ofHours(24), Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(1));
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
