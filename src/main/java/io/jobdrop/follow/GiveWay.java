package io.jobdrop.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * Following gives way to intake: while the ledger's writers have more than {@code above} writes waiting (a burst is
 * being recorded and forwarded), a round of polls is skipped, so the writers and the cores go to new work first. It
 * never skips for longer than {@code atMost} in a row: under a load that never lets up, following still gets a round
 * that often. Asked by the follow timer's thread only.
 */
public final class GiveWay {

    /** Never gives way (following on its own). */
    public static final GiveWay NEVER = new GiveWay(() -> 0, Integer.MAX_VALUE, Duration.ZERO);

    private final IntSupplier writesWaiting;
    private final int above;
    private final Duration atMost;
    private Instant since;

    public GiveWay(IntSupplier writesWaiting, int above, Duration atMost) {
        this.writesWaiting = writesWaiting;
        this.above = above;
        this.atMost = atMost;
    }

    /** Whether the round due {@code now} is skipped. */
    public boolean skip(Instant now) {
        if (writesWaiting.getAsInt() <= above) {
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
