package io.jobdrop.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jobdrop.store.ExecutionRecord;
import io.jobdrop.store.Observation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code GET /api/v1/orchestrator/jobs/{id}?include=executions} (spec §16.1): the job's State (StateType a
 * string) and its executions, whose ComputeState and DesiredState StateTypes are integers on the wire; kept by name.
 */
final class ObservationReader {

    /** models.ExecutionStateType, in Bacalhau's order. */
    static final List<String> COMPUTE_STATES = List.of("Undefined", "New", "AskForBid", "AskForBidAccepted",
            "AskForBidRejected", "BidAccepted", "Running", "Publishing", "BidRejected", "Completed", "Failed",
            "Cancelled");
    /** models.ExecutionDesiredStateType. */
    static final List<String> DESIRED_STATES = List.of("Pending", "Running", "Stopped");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final int outputBytes;

    ObservationReader(int outputBytes) {
        this.outputBytes = outputBytes;
    }

    /** Empty when the body is not such an answer (no Job, or no State). */
    Optional<Observation> read(String body) {
        JsonNode tree;
        try {
            tree = body == null ? null : JSON.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (tree == null || !tree.path("Job").isObject() || !tree.path("Job").path("State").isObject()) {
            return Optional.empty();
        }
        JsonNode state = tree.path("Job").path("State");
        List<ExecutionRecord> executions = new ArrayList<>();
        for (JsonNode e : tree.path("Executions").path("Items")) {
            executions.add(execution(e));
        }
        return Optional.of(new Observation(state.path("StateType").asText("Undefined"),
                state.path("Message").asText(""), executions));
    }

    private ExecutionRecord execution(JsonNode e) {
        JsonNode output = e.path("RunOutput");
        boolean ran = output.isObject();
        String stdout = ran ? output.path("Stdout").asText("") : null;
        String stderr = ran ? output.path("stderr").asText("") : null;
        JsonNode published = e.path("PublishedResult");
        boolean hasResult = published.isObject() && !published.path("Type").asText("").isEmpty();
        return new ExecutionRecord(e.path("ID").asText(), e.path("JobVersion").asLong(),
                e.path("NodeID").asText(null), name(COMPUTE_STATES, e.path("ComputeState").path("StateType")),
                name(DESIRED_STATES, e.path("DesiredState").path("StateType")),
                e.path("ComputeState").path("Message").asText(""),
                ran && output.path("ExitCode").isInt() ? output.path("ExitCode").asInt() : null,
                Utf8Cut.head(stdout, outputBytes),
                ran && (output.path("StdoutTruncated").asBoolean(false) || !Utf8Cut.fits(stdout, outputBytes)),
                Utf8Cut.head(stderr, outputBytes),
                ran && (output.path("StderrTruncated").asBoolean(false) || !Utf8Cut.fits(stderr, outputBytes)),
                ran ? output.path("ErrorMsg").asText("") : null,
                hasResult ? published.toString() : null,
                e.path("CreateTime").asLong(), e.path("ModifyTime").asLong());
    }

    /** An integer state by its name; a name as sent (older servers, or a future one that sends names). */
    private static String name(List<String> names, JsonNode value) {
        if (value.isInt() && value.asInt() >= 0 && value.asInt() < names.size()) {
            return names.get(value.asInt());
        }
        return value.isTextual() ? value.asText() : "Undefined";
    }
}
