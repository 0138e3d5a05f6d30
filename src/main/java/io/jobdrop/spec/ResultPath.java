package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A path in the task's filesystem whose contents are published ({@code pkg/models/resultpath.go}). */
@JsonPropertyOrder({"Name", "Path"})
public class ResultPath {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Path") public String path = "";
}
