package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Data mounted into a task ({@code pkg/models/input_source.go}). */
@JsonPropertyOrder({"Source", "Alias", "Target"})
public class InputSource {
    @JsonProperty("Source") public SpecConfig source;
    @JsonProperty("Alias") public String alias = "";
    @JsonProperty("Target") public String target = "";
}
