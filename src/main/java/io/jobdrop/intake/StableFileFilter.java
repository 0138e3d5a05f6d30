package io.jobdrop.intake;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Lets the file consumer take a file only once it has stopped changing, without ever waiting on it: a file whose
 * mtime is at least {@code stableMs} old is taken at once; a newer one is taken when its size and mtime have not
 * changed for {@code stableMs} across scans. Until then it is simply skipped, so a slow writer never holds up the
 * other files (Camel's readLock=changed would block the poll while it waits).
 */
public final class StableFileFilter implements GenericFileFilter<File> {

    private record Observation(long size, long mtime, long since) {
    }

    private final long stableMs;
    private final LongSupplier clock;
    private final Map<String, Observation> seen = new ConcurrentHashMap<>();

    public StableFileFilter(long stableMs) {
        this(stableMs, System::currentTimeMillis);
    }

    StableFileFilter(long stableMs, LongSupplier clock) {
        this.stableMs = stableMs;
        this.clock = clock;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (stableMs <= 0 || file.isDirectory()) {
            return true;
        }
        long now = clock.getAsLong();
        String path = file.getAbsoluteFilePath();
        if (now - file.getLastModified() >= stableMs) {
            seen.remove(path);
            return true;
        }
        long size = file.getFileLength();
        long mtime = file.getLastModified();
        Observation o = seen.compute(path, (k, prev) ->
                prev != null && prev.size == size && prev.mtime == mtime ? prev : new Observation(size, mtime, now));
        if (now - o.since >= stableMs) {
            seen.remove(path);
            return true;
        }
        forgetVanished(now);
        return false;
    }

    /** Files deleted while still being written leave an observation behind; drop the old ones now and then. */
    private void forgetVanished(long now) {
        if (seen.size() > 10_000) {
            long horizon = now - Math.max(60_000, 10 * stableMs);
            seen.values().removeIf(o -> o.since < horizon);
        }
    }

    int tracked() {
        return seen.size();
    }
}
