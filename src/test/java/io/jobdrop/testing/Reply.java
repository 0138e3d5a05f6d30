package io.jobdrop.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of the double: a status, a JSON body (a plain one, or an error that still needs its RequestID), headers. */
record Reply(int status, JsonNode body, ErrorBody error, Map<String, String> headers) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, null, Map.of());
    }

    static Reply error(ErrorBody error) {
        return new Reply(error.status(), null, error, Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, error, more);
    }

    /** The bytes on the wire; echo's JSON encoder ends every body with a newline. */
    byte[] render(String requestId) {
        JsonNode json = error != null ? error.toJson(requestId) : body;
        try {
            return (DoubleJson.MAPPER.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
