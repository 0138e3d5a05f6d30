package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The double's one JSON mapper and the few tree lookups its helpers share. */
final class DoubleJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private DoubleJson() {
    }

    /** A Go string field's value: "" for missing, null or a non-string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    /** A Go integer field's value: 0 for missing, null or a non-number. */
    static long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asLong() : 0L;
    }
}
