package io.jobdrop.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * An orchestrator error body: {@code {"Status","Message","RequestID","Code","Component","Hint","Details"}}
 * (Bacalhau spec §17). Fields that are missing read as empty strings; {@code reason} is {@code Details.reason}, which
 * the authorizer fills with the cause of a 401 (missing header, invalid key). Read for submissions and polls alike.
 */
public record ApiError(int status, String message, String code, String component, String hint, String reason) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Empty when the body is not such an error (not JSON, not an object, or without a Message). */
    public static Optional<ApiError> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.isObject() || !tree.hasNonNull("Message")) {
                return Optional.empty();
            }
            return Optional.of(new ApiError(tree.path("Status").asInt(0), tree.path("Message").asText(""),
                    tree.path("Code").asText(""), tree.path("Component").asText(""), tree.path("Hint").asText(""), tree.path("Details").path("reason").asText("")));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
