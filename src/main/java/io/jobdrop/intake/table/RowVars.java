package io.jobdrop.intake.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row's {@code vars} column: a JSON object of template variables, as {@code --var name=value} gives them to a dropped
 * file. Strings, numbers and booleans are taken as their text; anything else makes the row rejected, with the
 * problem named, rather than rendered with a value nobody meant.
 */
final class RowVars {

    /** Either the variables or what is wrong with the column. */
    record Parsed(Map<String, String> vars, List<Problem> problems) {
    }

    private RowVars() {
    }

    static Parsed parse(String column, String json) {
        if (json == null || json.isBlank()) {
            return new Parsed(Map.of(), List.of());
        }
        JsonNode node;
        try {
            node = JobJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return problem(column, column + " is not valid JSON: " + e.getOriginalMessage(),
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    e.getLocation() == null ? 0 : e.getLocation().getColumnNr());
        }
        if (node == null || !node.isObject()) {
            return problem(column, column + " must be a JSON object of template variables, not "
                    + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()), 1, 1);
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                vars.put(field.getKey(), value.textValue());
            } else if (value.isNumber() || value.isBoolean()) {
                vars.put(field.getKey(), value.asText());
            } else {
                return problem(column + "." + field.getKey(), column + ": variable \"" + field.getKey() + "\" is "
                        + value.getNodeType().name().toLowerCase() + "; a template variable is a string, a number or"
                        + " a boolean", 0, 0);
            }
        }
        return new Parsed(vars, List.of());
    }

    private static Parsed problem(String path, String message, int line, int column) {
        return new Parsed(Map.of(), List.of(new Problem(message, path, line, column)));
    }
}
