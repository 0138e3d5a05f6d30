package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * Engine, publisher or input-source configuration ({@code pkg/models/spec_config.go}). Params are data for compute
 * nodes: kept as decoded (numbers, booleans, nested maps), never validated by the orchestrator.
 */
@JsonPropertyOrder({"Type", "Params"})
public class SpecConfig {
    @JsonProperty("Type") public String type = "";
    @JsonProperty("Params") @JsonInclude(JsonInclude.Include.NON_EMPTY) public Map<String, Object> params;
}
