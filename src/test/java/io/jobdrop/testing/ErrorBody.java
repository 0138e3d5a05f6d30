package io.jobdrop.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Bacalhau API error (spec §17): {@code {"Status","Message","RequestID","Code","Component","Hint"?,"Details"?}},
 * Hint and Details left out when empty, as Bacalhau's omitempty does.
 */
record ErrorBody(int status, String message, String code, String component, String hint, Map<String, String> details) {

    static ErrorBody of(int status, String message, String code, String component) {
        return new ErrorBody(status, message, code, component, "", Map.of());
    }

    /** A failure of request binding or ValidateSubmission: HTTP 400, InternalError, APIServer. */
    static ErrorBody apiServer400(String message) {
        return of(400, message, "InternalError", "APIServer");
    }

    ErrorBody withHint(String newHint) {
        return new ErrorBody(status, message, code, component, newHint, details);
    }

    ErrorBody withDetail(String key, String value) {
        Map<String, String> more = new TreeMap<>(details);
        more.put(key, value);
        return new ErrorBody(status, message, code, component, hint, more);
    }

    ObjectNode toJson(String requestId) {
        ObjectNode json = DoubleJson.MAPPER.createObjectNode();
        json.put("Status", status);
        json.put("Message", message);
        json.put("RequestID", requestId);
        json.put("Code", code);
        json.put("Component", component);
        if (!hint.isEmpty()) {
            json.put("Hint", hint);
        }
        if (!details.isEmpty()) {
            ObjectNode d = json.putObject("Details");
            details.forEach(d::put);
        }
        return json;
    }
}
