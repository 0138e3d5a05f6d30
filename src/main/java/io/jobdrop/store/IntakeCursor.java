package io.jobdrop.store;

import java.time.Instant;

/** Where a page of intake units ended: the last unit's claim time and key; the next page starts below it. */
public record IntakeCursor(Instant claimedAt, String source, String claimKey) {
}
