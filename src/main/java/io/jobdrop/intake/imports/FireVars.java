package io.jobdrop.intake.imports;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The template variables of one fire: the import's {@code vars}, then the built-ins, which win (a var named
 * {@code fire_date} must not make two fires render the same job). Times are those of the fire as scheduled, not of the
 * moment it ran, so a retried or caught-up fire renders what it would have rendered on time.
 */
public final class FireVars {

    private FireVars() {
    }

    public static Map<String, String> of(ImportDefinition definition, Instant fireTime, long run) {
        ZonedDateTime local = fireTime.atZone(definition.schedule().zone());
        Map<String, String> vars = new LinkedHashMap<>(definition.vars());
        vars.put("fire_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(local.toOffsetDateTime()));
        vars.put("fire_date", DateTimeFormatter.ISO_LOCAL_DATE.format(local));
        vars.put("fire_unix", Long.toString(fireTime.getEpochSecond()));
        vars.put("import_name", definition.name());
        vars.put("run", Long.toString(run));
        return vars;
    }
}
