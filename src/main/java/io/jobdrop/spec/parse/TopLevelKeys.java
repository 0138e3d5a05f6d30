package io.jobdrop.spec.parse;

import io.jobdrop.spec.SourceMap;
import io.jobdrop.spec.Violations;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CLI's check of a job file's top-level keys ({@code marshaller.UnmarshalJob}): compared lower-cased, server
 * fields are "not allowed", anything outside the user fields is "unknown"; all of them are reported, the not-allowed
 * ones first. Nested keys are never checked.
 */
final class TopLevelKeys {

    private static final Set<String> ALLOWED =
            Set.of("name", "namespace", "type", "priority", "count", "constraints", "meta", "labels", "tasks");
    private static final Set<String> SERVER_FIELDS =
            Set.of("id", "state", "version", "revision", "createtime", "modifytime");

    private TopLevelKeys() {
    }

    /** True when every key is a user field; otherwise the errors are added, at the keys. */
    static boolean check(YamlMap job, Violations errors, SourceMap sourceMap) {
        List<YamlMap.Entry> keys = JsonOrder.entries(job, true);
        boolean ok = true;
        for (YamlMap.Entry e : keys) {
            if (SERVER_FIELDS.contains(lower(e.key()))) {
                sourceMap.put(e.key(), e.keyPosition());
                errors.add(e.key(), "field: '" + e.key() + "' in 'Job' is not allowed");
                ok = false;
            }
        }
        for (YamlMap.Entry e : keys) {
            String lower = lower(e.key());
            if (!ALLOWED.contains(lower) && !SERVER_FIELDS.contains(lower)) {
                sourceMap.put(e.key(), e.keyPosition());
                errors.add(e.key(), "unknown field: '" + e.key() + "' in 'Job'");
                ok = false;
            }
        }
        return ok;
    }

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
