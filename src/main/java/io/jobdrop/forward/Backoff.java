package io.jobdrop.forward;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": half of the ceiling is fixed, the other half random. The fixed half keeps
 * a minimum spacing between attempts; the random half spreads the retries of many jobs that failed together (one
 * orchestrator outage fails every in-flight job at once), so they do not all come back in the same second.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier unitRandom;

    public Backoff(Duration initial, Duration max) {
        this(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param unitRandom values in [0, 1); tests pass fixed values to pin the jitter */
    public Backoff(Duration initial, Duration max, DoubleSupplier unitRandom) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.unitRandom = Objects.requireNonNull(unitRandom, "unitRandom");
    }

    public static Backoff of(ForwardPolicy policy) {
        return new Backoff(policy.initialBackoff(), policy.maxBackoff());
    }

    /** The ceiling after {@code failures} consecutive failures: initial × 2^(failures−1), at most the maximum. */
    public Duration ceiling(int failures) {
        long ceiling = initialMillis;
        for (int i = 1; i < failures && ceiling < maxMillis; i++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        return Duration.ofMillis(Math.min(ceiling, maxMillis));
    }

    /** The wait before the next attempt after {@code failures} (at least 1) consecutive failures. */
    public Duration delayAfter(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        long ceiling = ceiling(failures).toMillis();
        long half = ceiling / 2;
        double r = Math.min(Math.max(unitRandom.getAsDouble(), 0.0), Math.nextDown(1.0));
        long jitter = Math.min(half, (long) (r * (half + 1)));
        return Duration.ofMillis(ceiling - half + jitter);
    }
}
