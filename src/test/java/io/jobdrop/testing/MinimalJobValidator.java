package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The first checks of Bacalhau's {@code Job.ValidateSubmission()} (spec §6.2), in Bacalhau's order and wording:
 * enough for the double to refuse a job that is obviously not one. The full rules can be plugged in instead.
 */
final class MinimalJobValidator implements Function<JsonNode, List<String>> {

    private static final Set<String> TYPES = Set.of("batch", "ops", "daemon", "service");

    @Override
    public List<String> apply(JsonNode job) {
        List<String> errors = new ArrayList<>();
        String type = DoubleJson.text(job, "Type");
        if (type.isEmpty()) {
            errors.add("missing job type");
        } else if (!TYPES.contains(type)) {
            errors.add("invalid job type: " + goQuote(type));
        }
        JsonNode tasks = job.get("Tasks");
        if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
            errors.add("missing job tasks");
        }
        return errors;
    }

    /** Go's %q: double quotes with Go escapes. */
    static String goQuote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case 0x08 -> out.append("\\b");
                case 0x0c -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
