package io.jobdrop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Puts staged job files into an inbox the way a careful writer does: written elsewhere on the same filesystem, then
 * renamed in, so a file is never seen half-written.
 */
final class Drops {

    private Drops() {
    }

    /** Renames every file in at once; returns the epoch micros just before the first rename. */
    static long burst(List<Generator.StagedFile> files, Path inbox) {
        long start = EpochMicros.now();
        for (Generator.StagedFile file : files) {
            renameInto(file.path(), inbox);
        }
        return start;
    }

    /**
     * Renames files in at a steady rate, each stamped with a fresh mtime first, as if just written: the stability
     * check must see what it sees in production, not a file that has sat in staging for a minute. Returns the epoch
     * micros of each drop by job Name.
     */
    static Map<String, Long> steady(List<Generator.StagedFile> files, Path inbox, double perSecond) {
        Map<String, Long> dropped = new HashMap<>();
        long start = System.nanoTime();
        long intervalNanos = (long) (1_000_000_000L / perSecond);
        for (int i = 0; i < files.size(); i++) {
            long due = start + i * intervalNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            Generator.StagedFile file = files.get(i);
            touch(file.path());
            renameInto(file.path(), inbox);
            dropped.put(file.jobName(), EpochMicros.now());
        }
        return dropped;
    }

    private static void renameInto(Path file, Path inbox) {
        try {
            Files.move(file, inbox.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
