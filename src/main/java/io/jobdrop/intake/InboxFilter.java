package io.jobdrop.intake;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which inbox entries the file consumer may take: regular files only, judged without following links (a link could
 * lead out of the inbox, and a FIFO would block the reader in open()); not while a file waits out its retry backoff;
 * only when chosen for this scan ({@link ScanSelection}); and only once stable ({@link StableFileFilter}). Anything
 * else named like a job file (a link, a link loop, a FIFO, a device, a socket, a directory) is left where it is, with
 * one warning for as long as it stays.
 */
public final class InboxFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger("jobdrop.intake");
    private static final int MAX_REMEMBERED = 10_000;

    private final StableFileFilter stable;
    private final RetryBackoff backoff;
    private final ScanSelection selection;
    /** Entries already warned about, with what they were, so the warning is not repeated on every scan. */
    private final Map<String, String> warned = new ConcurrentHashMap<>();

    public InboxFilter(StableFileFilter stable, RetryBackoff backoff, ScanSelection selection) {
        this.stable = stable;
        this.backoff = backoff;
        this.selection = selection;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        Path path = Path.of(file.getAbsoluteFilePath()).toAbsolutePath().normalize();
        String kind = kind(path);
        if (kind == null) {
            warned.remove(path.toString());
            return false; // gone since the listing
        }
        if (!kind.equals("file")) {
            if (!kind.equals(warned.put(path.toString(), kind))) {
                if (warned.size() > MAX_REMEMBERED) {
                    warned.keySet().removeIf(p -> !Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS));
                }
                LOG.warn("{}: left in the inbox: {}", FileNames.forLog(path.toString()), kind);
            }
            return false;
        }
        warned.remove(path.toString());
        return selection.chosen(file.getFileNameOnly()) && backoff.due(path.toString()) && stable.accept(file);
    }

    /** "file", a description of what else the entry is, or null when it is gone. */
    static String kind(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return "cannot be examined (" + e.getMessage() + ")";
        }
        if (attributes.isRegularFile()) {
            return "file";
        }
        if (attributes.isSymbolicLink()) {
            return "it is a symbolic link, and jobdrop does not follow links (copy or move the file itself into the"
                    + " inbox)";
        }
        if (attributes.isDirectory()) {
            return "it is a directory (jobdrop does not look into folders in the inbox)";
        }
        return "it is not a regular file (a FIFO, socket or device), and jobdrop reads regular files only";
    }
}
