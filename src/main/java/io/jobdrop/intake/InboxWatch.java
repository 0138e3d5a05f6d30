package io.jobdrop.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Locale;

/**
 * Wakes the inbox scan when a job file lands (created, renamed in, or written to), so a dropped file is taken when it
 * lands rather than at the next poll. Java's WatchService: inotify on Linux; where the file system reports nothing
 * (a shared volume written by another machine) the scheduler's interval still finds every file. An overflow (too many
 * events at once) also wakes the scan, which lists the whole folder anyway.
 */
public final class InboxWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWatch.class);

    private final WatchService watcher;
    private final Thread thread;

    private InboxWatch(Path inbox, InboxScheduler scheduler) throws IOException {
        this.watcher = inbox.getFileSystem().newWatchService();
        inbox.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(() -> watch(scheduler), "jobdrop-inbox-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Watches {@code inbox}; when the platform cannot, says so once and leaves the scans to the interval. */
    public static AutoCloseable start(Path inbox, InboxScheduler scheduler) {
        try {
            return new InboxWatch(inbox, scheduler);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("cannot watch the inbox {} for new files ({}); it is scanned every {} ms", inbox, e.getMessage(),
                    scheduler.every().toMillis());
            return () -> { };
        }
    }

    private void watch(InboxScheduler scheduler) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean wake = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    wake |= event.kind() == StandardWatchEventKinds.OVERFLOW
                            || event.context() instanceof Path name && isJobFile(name.toString());
                }
                if (wake) {
                    scheduler.wake();
                }
                if (!key.reset()) {
                    LOG.warn("the inbox can no longer be watched (removed?); it is scanned every {} ms",
                            scheduler.every().toMillis());
                    return;
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed at stop
        }
    }

    /** The names the inbox takes; hidden and temporary names are being written and need no scan yet. */
    static boolean isJobFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith(".")
                && (lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"));
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
