package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** A node-label constraint ({@code pkg/models/selector.go}). Operators are matched exactly, as Bacalhau does. */
@JsonPropertyOrder({"Key", "Operator", "Values"})
public class LabelSelectorRequirement {
    @JsonProperty("Key") public String key = "";
    @JsonProperty("Operator") public String operator = "";
    @JsonProperty("Values") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<String> values;
}
