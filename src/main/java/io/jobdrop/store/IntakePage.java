package io.jobdrop.store;

import java.util.List;

/** One page of intake units, newest first; {@code next} is null on the last page. */
public record IntakePage(List<IntakeRecord> items, IntakeCursor next) {
}
