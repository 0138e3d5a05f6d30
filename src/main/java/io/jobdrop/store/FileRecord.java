package io.jobdrop.store;

import java.time.Instant;
import java.util.List;

/**
 * One recorded intake of a file, as {@code jobdrop show FILE} prints it: the file as it was taken, the verdict
 * ({@code report} holds the errors of a rejected file), the jobs it recorded, and where it was filed, relative to the
 * inbox ({@code .done/x.1.yaml}; null until filed); {@code source} is the claim's source ({@code inbox}, or
 * {@code table:<t>} for a table row).
 */
public record FileRecord(String sourceName, Disposition disposition, String report, Instant claimedAt,
                         String placedAs, List<JobEvent> jobs, String source) {

    /** A table row ({@code source} {@code table:<t>}, name {@code <t>#<id>}): its verdict is written back, not filed. */
    public boolean tableRow() {
        return source.startsWith("table:");
    }
}
