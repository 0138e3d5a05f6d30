package io.jobdrop.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Which files the next inbox scan takes, chosen before camel-file lists the folder: the oldest waiting job files in
 * {@link DropOrder} (mtime, then name), and how many: a tenth of the files that were waiting at the scan before, at
 * least 1,000 and at most {@code jobdrop.inbox.max-per-poll}.
 *
 * <p>Why before: camel-file keeps every file its filter lets through until it has sorted them and cut the list to the
 * scan's size, and every file of a scan stays held as an exchange until the last is filed. Letting through only the
 * chosen ones keeps a scan's memory to its own size, whatever the inbox holds (a 100,000-file backlog ran out of a
 * 144 MB heap otherwise). Why a tenth: every scan lists the whole folder, so a scan that takes few files of a huge
 * backlog pays that listing again and again (125 files/s at 1,000 per scan against 500 at 10,000), while a burst
 * taken 1,000 at a time goes faster than taken whole (0.61x the baseline against 0.44x, bench/).
 *
 * <p>Files waiting out a retry backoff are neither chosen nor counted, so failing files cannot starve the others.
 * Entries that are not regular files are not chosen; the {@link InboxFilter} still sees them and says what they are.
 */
public final class ScanSelection {

    static final int FLOOR = 1_000;
    static final int SHARE = 10;

    private record Entry(long modified, String name) {
    }

    private static final Comparator<Entry> DROP_ORDER = Comparator.comparingLong(Entry::modified)
            .thenComparing(Entry::name);

    private final Path inbox;
    private final RetryBackoff backoff;
    private final int max;
    private final int floor;
    private int size;
    /** The names the current scan may take; null lets camel-file take what it lists (the folder could not be read). */
    private volatile Set<String> chosen;
    private volatile int waitingAtLastScan;

    /** @param max jobdrop.inbox.max-per-poll: no scan takes more */
    public ScanSelection(Path inbox, RetryBackoff backoff, int max) {
        this(inbox, backoff, max, FLOOR);
    }

    ScanSelection(Path inbox, RetryBackoff backoff, int max, int floor) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.inbox = inbox.toAbsolutePath().normalize();
        this.backoff = backoff;
        this.max = max;
        this.floor = Math.min(floor, max);
        this.size = this.floor;
    }

    /**
     * Lists the inbox and chooses the files of the scan about to start; called by the scan thread alone.
     *
     * @return how many files the scan takes at most
     */
    int prepare() {
        int take = size;
        PriorityQueue<Entry> oldest = new PriorityQueue<>(take + 1, DROP_ORDER.reversed());
        int waiting = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!InboxWatch.isJobFile(name) || !backoff.due(entry.toString())) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException gone) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                waiting++;
                oldest.add(new Entry(attributes.lastModifiedTime().toMillis(), name));
                if (oldest.size() > take) {
                    oldest.poll();
                }
            }
        } catch (IOException | RuntimeException e) {
            chosen = null; // camel-file reports an inbox it cannot read; its scan takes what it finds
            waitingAtLastScan = 0;
            return take;
        }
        Set<String> names = new HashSet<>(oldest.size() * 2);
        oldest.forEach(entry -> names.add(entry.name()));
        chosen = names;
        waitingAtLastScan = waiting;
        size = Math.max(floor, Math.min(max, waiting / SHARE));
        return take;
    }

    /**
     * The job files that were waiting (due, regular) as the latest scan began, those it took included: the inbox's
     * backlog, which the inbox's leader reports with its lease (0 before the first scan, or when the folder could not
     * be read).
     */
    public int waiting() {
        return waitingAtLastScan;
    }

    /** Whether the scan may take the file of this name. */
    boolean chosen(String name) {
        Set<String> names = chosen;
        return names == null || names.contains(name);
    }
}
