package io.jobdrop.intake.imports;

import java.util.List;

/**
 * What one fire read: the units to record, how many sources had nothing new (unchanged URLs), and what to keep once
 * the units are recorded (a URL's validators: kept after, so a crash in between asks again instead of missing the
 * content).
 */
public record SourceRead(List<ImportUnit> units, int unchanged, List<Runnable> afterRecorded) {

    public SourceRead {
        units = List.copyOf(units);
        afterRecorded = List.copyOf(afterRecorded);
    }
}
