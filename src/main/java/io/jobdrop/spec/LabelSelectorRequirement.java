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

    /**
     * Bacalhau's submission checks, joined. Only the number of values is checked against the operator; an unknown
     * operator ({@code In}, {@code foo}) falls under "other operators" and an odd key passes. Both fail later, when the
     * scheduler builds a Kubernetes selector.
     */
    public void validate(Violations errors) {
        int count = values == null ? 0 : values.size();
        if (GoText.isBlank(key)) {
            errors.add("Key", "selector key cannot be blank");
        }
        switch (GoText.orEmpty(operator)) {
            case "in", "notin" -> {
                if (count == 0) {
                    errors.add("Values", "selector values cannot be empty for In or NotIn operators");
                }
            }
            case "exists", "!" -> {
                if (count != 0) {
                    errors.add("Values", "selector values must be empty for Exists or KeyNotInImap operators");
                }
            }
            default -> {
                if (count != 1) {
                    errors.add("Values", "selector values must have exactly one value for other operators");
                }
            }
        }
    }
}
