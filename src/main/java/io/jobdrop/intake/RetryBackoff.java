package io.jobdrop.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Spaces out the retries of inbox files that could not be taken or filed (ledger down, disk full): each failure of a
 * file doubles its wait before the next try, from {@code initialMs} up to {@code maxMs}; a success forgets it. Without
 * it a stuck file is tried on every scan, ten times a second.
 */
public final class RetryBackoff {

    private record Wait(int failures, long until) {
    }

    private final long initialMs;
    private final long maxMs;
    private final LongSupplier clock;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    public RetryBackoff(long initialMs, long maxMs) {
        this(initialMs, maxMs, System::currentTimeMillis);
    }

    RetryBackoff(long initialMs, long maxMs, LongSupplier clock) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.clock = clock;
    }

    /** Whether the file may be tried now. */
    public boolean due(String path) {
        Wait wait = waits.get(path);
        return wait == null || clock.getAsLong() >= wait.until;
    }

    public void failed(String path) {
        long now = clock.getAsLong();
        waits.compute(path, (k, previous) -> {
            int failures = previous == null ? 1 : previous.failures + 1;
            long delay = Math.min(maxMs, initialMs << Math.min(failures - 1, 30));
            return new Wait(failures, now + delay);
        });
        if (waits.size() > 10_000) {
            waits.values().removeIf(w -> w.until < now - maxMs); // files that went away while waiting
        }
    }

    public void succeeded(String path) {
        waits.remove(path);
    }

    /** How long the file waits before its next try, in milliseconds (0 when due). */
    long remainingMs(String path) {
        Wait wait = waits.get(path);
        return wait == null ? 0 : Math.max(0, wait.until - clock.getAsLong());
    }
}
