package io.jobdrop.store;

import java.time.Instant;

/**
 * One taken file, object or HTTP body as the ledger keeps it: its source ({@code inbox}, {@code s3://bucket},
 * {@code http}), claim key and name, when it was taken, its disposition, the errors of a rejected one and the jobs of
 * an accepted one (JSON arrays, null when none were kept), and where an inbox file was filed, relative to the inbox
 * ({@code .done/x.1.yaml}; null until filed, and for other sources); {@code resultJson} is the unit's result once
 * every job in it has ended (null before), the content of {@code <file>.result.json}.
 */
public record IntakeRecord(String source, String claimKey, String name, Instant takenAt, Disposition disposition,
                           String errorsJson, String jobsJson, String placedAs, String resultJson) {

    public IntakeCursor cursor() {
        return new IntakeCursor(takenAt, source, claimKey);
    }
}
