package io.jobdrop.intake;

import org.apache.camel.component.file.GenericFile;

import java.io.File;
import java.util.Comparator;

/**
 * The order the inbox is taken in: oldest mtime first, then by name, so an update dropped after the job it updates is
 * recorded after it. A plain comparator: a Simple sortBy expression would be evaluated on every comparison, which
 * dominated a scan of a 100,000-file backlog.
 */
public final class DropOrder implements Comparator<GenericFile<File>> {

    @Override
    public int compare(GenericFile<File> a, GenericFile<File> b) {
        int byTime = Long.compare(a.getLastModified(), b.getLastModified());
        return byTime != 0 ? byTime : a.getFileName().compareTo(b.getFileName());
    }
}
