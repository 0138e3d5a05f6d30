package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engine, publisher or input-source configuration ({@code pkg/models/spec_config.go}). Params are data for compute
 * nodes: kept as decoded (numbers, booleans, nested maps), never validated by the orchestrator.
 */
@JsonPropertyOrder({"Type", "Params"})
public class SpecConfig {
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Params") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, Object> params;

    /** Bacalhau's {@code Validate()}: a missing config is {@code nil spec config}, a blank type {@code missing spec type}. */
    public static void validate(SpecConfig config, Violations errors) {
        if (config == null) {
            errors.add("", "nil spec config");
        } else if (GoText.isBlank(config.type)) {
            errors.add("Type", "missing spec type");
        }
    }

    /** Trims the type (its case is kept: nodes match it case-insensitively) and makes nil Params an empty map. */
    public void normalize() {
        type = GoText.trimSpace(GoText.orEmpty(type));
        if (params == null || params.isEmpty()) {
            params = new LinkedHashMap<>();
        }
    }

    /** Bacalhau's {@code IsEmpty}: no type and no params. A publisher {@code {Type: "", Params: {x: 1}}} is set. */
    @JsonIgnore
    public boolean isEmpty() {
        return GoText.orEmpty(type).isEmpty() && (params == null || params.isEmpty());
    }

    /** Bacalhau's {@code IsType}: the same name ignoring case. */
    public boolean isType(String name) {
        return GoText.orEmpty(type).equalsIgnoreCase(GoText.trimSpace(name));
    }

    /** A copy whose Params map can change without touching this one. */
    public SpecConfig copy() {
        SpecConfig copy = new SpecConfig();
        copy.type = type;
        copy.params = params == null ? null : new LinkedHashMap<>(params);
        return copy;
    }
}
