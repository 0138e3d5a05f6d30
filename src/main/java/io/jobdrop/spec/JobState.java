package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/** The state of a job as the orchestrator records it. */
@JsonPropertyOrder({"StateType", "Message", "Details"})
public class JobState {
    @JsonProperty("StateType") public JobStateType stateType = JobStateType.UNDEFINED;
    @JsonProperty("Message") @JsonInclude(JsonInclude.Include.NON_EMPTY) public String message = "";
    @JsonProperty("Details") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, String> details;
}
