package io.jobdrop.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Version-4-shaped UUIDs whose first 32 bits (the 8 hex digits of a short ID) count microseconds, never twice and
 * never backwards in one process, and whose other 90 bits are random ({@code jobdrop.job-ids = time-ordered}). The IDs
 * one instance stamps sort in the order it stamped them, so the ledger's rows keyed by job ID are appended rather than
 * scattered across its indexes; the count wraps every 71.6 minutes (2^32 µs). Short IDs stay as distinct as random
 * ones: one instance never repeats them within a wrap, and two instances share one only by stamping in the same
 * microsecond.
 */
final class TimeOrderedUuids implements Supplier<UUID> {

    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final Clock clock;
    private final Supplier<UUID> random;
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

    TimeOrderedUuids(Clock clock, Supplier<UUID> random) {
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public UUID get() {
        long micros = lastMicros.updateAndGet(last -> Math.max(last + 1, micros(clock.instant())));
        UUID uuid = random.get();
        // the random UUID's version and variant bits are kept: only its first 32 bits (all random) are replaced
        return new UUID((micros << 32) | (uuid.getMostSignificantBits() & LOW_32), uuid.getLeastSignificantBits());
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
