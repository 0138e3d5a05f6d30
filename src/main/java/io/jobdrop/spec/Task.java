package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** One task of a job ({@code pkg/models/task.go}). Name, Engine and Publisher are always written; the rest is omitempty. */
@JsonPropertyOrder({"Name", "Engine", "Publisher", "Env", "Meta", "InputSources", "ResultPaths", "Resources", "Network",
        "Timeouts"})
public class Task {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Engine") public SpecConfig engine;
    @JsonProperty("Publisher") public SpecConfig publisher;
    @JsonProperty("Env") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, String> env;
    @JsonProperty("Meta") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, String> meta;
    @JsonProperty("InputSources") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<InputSource> inputSources;
    @JsonProperty("ResultPaths") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<ResultPath> resultPaths;
    @JsonProperty("Resources") @JsonInclude(JsonInclude.Include.NON_NULL) public ResourcesConfig resources;
    @JsonProperty("Network") @JsonInclude(JsonInclude.Include.NON_NULL) public NetworkConfig network;
    @JsonProperty("Timeouts") @JsonInclude(JsonInclude.Include.NON_NULL) public TimeoutConfig timeouts;
}
