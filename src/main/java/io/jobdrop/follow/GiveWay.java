package io.jobdrop.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Following gives way to intake: while more than {@code above} pieces of intake work wait (writes queued at the
 * ledger's writers, job files waiting in the inbox or a bucket: a burst is being taken, recorded and forwarded), a
 * round of polls is skipped, so the writers and the cores go to new work first. It never skips for longer than
 * {@code atMost} in a row: under a load that never lets up, following still gets a round that often. Asked by the
 * follow timer's thread only.
 */
public final class GiveWay {

    /** Never gives way (following on its own). */
    public static final GiveWay NEVER = new GiveWay(() -> 0, Integer.MAX_VALUE, Duration.ZERO);

    private final LongSupplier intakeWaiting;
    private final int above;
    private final Duration atMost;
    private Instant since;

    public GiveWay(LongSupplier intakeWaiting, int above, Duration atMost) {
        this.intakeWaiting = intakeWaiting;
        this.above = above;
        this.atMost = atMost;
    }

    /** Whether the round due {@code now} is skipped. */
    public boolean skip(Instant now) {
        if (intakeWaiting.getAsLong() <= above) {
            since = null;
            return false;
        }
        if (since == null) {
            since = now;
        }
        if (Duration.between(since, now).compareTo(atMost) < 0) {
            return true;
        }
        since = null; // this round goes; the next may give way again
        return false;
    }
}
