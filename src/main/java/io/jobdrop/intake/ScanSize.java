package io.jobdrop.intake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many files the next inbox scan takes: a tenth of the files that were waiting at the last scan, at least 1,000
 * and at most {@code jobdrop.inbox.max-per-poll}. Every scan lists and sorts the whole inbox, so a scan that takes few
 * files of a huge backlog pays that listing again and again (a 100,000-file backlog went in at 125 files/s with 1,000
 * per scan, 500 with 10,000); but a scan's files are all held as exchanges until the last is filed, so a large scan of
 * an ordinary burst holds far more than it needs (a 10,000-file burst went 0.44x the baseline taking all at once,
 * 0.61x at 1,000 per scan, and fitted a smaller heap). A tenth bounds both: the listings cost about ten of their own
 * size over a backlog, and a burst is taken 1,000 at a time.
 *
 * <p>The {@link InboxFilter} counts the files it lets through while the consumer lists; the {@link InboxScheduler}
 * asks for the next size before each scan.
 */
public final class ScanSize {

    static final int FLOOR = 1_000;
    static final int SHARE = 10;

    private final int max;
    private final int floor;
    private final AtomicInteger waiting = new AtomicInteger();

    /** @param max jobdrop.inbox.max-per-poll: no scan takes more */
    public ScanSize(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.floor = Math.min(FLOOR, max);
    }

    /** A file the scan that is listing may take. */
    void waiting() {
        waiting.incrementAndGet();
    }

    /** The size of the scan about to start, from what the scan before it found waiting. */
    int next() {
        int found = waiting.getAndSet(0);
        return Math.max(floor, Math.min(max, found / SHARE));
    }
}
