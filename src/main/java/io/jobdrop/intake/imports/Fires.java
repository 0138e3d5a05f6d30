package io.jobdrop.intake.imports;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** How a fire is named: {@code import:<name>@<fire time>} in reports, job versions and logs. */
final class Fires {

    private Fires() {
    }

    /** The fire time in RFC 3339, UTC, to the second: the unit keys' first part. */
    static String key(Instant fireTime) {
        return DateTimeFormatter.ISO_INSTANT.format(fireTime);
    }

    static String label(ImportDefinition definition, Instant fireTime) {
        return definition.source() + "@" + key(fireTime);
    }
}
