package io.jobdrop.ingest;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How the IDs jobdrop stamps on new jobs are made ({@code jobdrop.job-ids}): random, as Bacalhau's orchestrator makes
 * them ({@code j-} + a version 4 UUID), or {@linkplain TimeOrderedUuids time-ordered}, which the ledger writes much
 * faster (its indexes on job IDs grow at one end) at the cost of IDs that tell when, to the microsecond within 71.6
 * minutes, jobdrop stamped them.
 */
public enum JobIds {

    RANDOM("random"),
    TIME_ORDERED("time-ordered");

    public static final String KEY = "jobdrop.job-ids";

    private final String word;

    JobIds(String word) {
        this.word = word;
    }

    /** The setting's value for this kind. */
    public String word() {
        return word;
    }

    /** Every kind's {@link #word()}: the values the setting takes. */
    public static String[] words() {
        return Arrays.stream(values()).map(JobIds::word).toArray(String[]::new);
    }

    /** @param word a value {@link #word()} gives; anything else is refused */
    public static JobIds of(String word) {
        for (JobIds ids : values()) {
            if (ids.word.equals(word)) {
                return ids;
            }
        }
        throw new IllegalArgumentException("not one of " + String.join(", ", words()) + ": " + word);
    }

    /** A fresh source of such UUIDs; time-ordered ones count on {@code clock}. */
    public Supplier<UUID> uuids(Clock clock) {
        return this == RANDOM ? UUID::randomUUID : new TimeOrderedUuids(clock, UUID::randomUUID);
    }
}
