package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Bacalhau's {@code Job.SanitizeSubmission()} (spec §6.4): strips server-only fields and says so in warnings. */
final class JobSanitizer {

    static final String RESERVED_META_PREFIX = "bacalhau.org/";

    private JobSanitizer() {
    }

    static List<String> sanitize(ObjectNode job) {
        List<String> warnings = new ArrayList<>();
        JsonNode state = job.get("State");
        if (state != null && !DoubleJson.text(state, "StateType").isEmpty() && !"Undefined".equals(DoubleJson.text(state, "StateType"))) {
            warnings.add("job state is ignored when submitting a job");
        }
        job.putObject("State").put("StateType", "Undefined");
        resetNumber(job, "Revision", "job revision is ignored when submitting a job", warnings);
        resetNumber(job, "Version", "job version is ignored when submitting a job", warnings);
        resetNumber(job, "CreateTime", "job create time is ignored when submitting a job", warnings);
        resetNumber(job, "ModifyTime", "job modify time is ignored when submitting a job", warnings);
        String type = DoubleJson.text(job, "Type");
        if ((type.equals("batch") || type.equals("ops")) && !DoubleJson.text(job, "ID").isEmpty()) {
            job.put("ID", "");
            warnings.add("job ID is ignored when submitting a batch job");
        }
        if (job.get("Tasks") instanceof ArrayNode tasks && tasks.size() > 1) {
            while (tasks.size() > 1) {
                tasks.remove(tasks.size() - 1);
            }
            warnings.add("only one task is supported per job");
        }
        if (job.get("Meta") instanceof ObjectNode meta) {
            // Go iterates the map in random order; sorted keeps the double deterministic
            for (String key : new TreeSet<>(iterable(meta))) {
                if (key.startsWith(RESERVED_META_PREFIX)) {
                    meta.remove(key);
                    warnings.add("job meta key \"" + key + "\" is reserved and will be ignored");
                }
            }
        }
        return warnings;
    }

    private static void resetNumber(ObjectNode job, String field, String warning, List<String> warnings) {
        if (DoubleJson.number(job, field) != 0) {
            warnings.add(warning);
        }
        job.put(field, 0);
    }

    private static List<String> iterable(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
