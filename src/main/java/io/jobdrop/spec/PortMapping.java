package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A port exposed by a task on Host or Bridge networks ({@code pkg/models/network.go}). */
@JsonPropertyOrder({"Name", "Static", "Target", "HostNetwork"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PortMapping {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Static") @JsonInclude(JsonInclude.Include.NON_DEFAULT) public long staticPort;
    @JsonProperty("Target") @JsonInclude(JsonInclude.Include.NON_DEFAULT) public long target;
    @JsonProperty("HostNetwork") public String hostNetwork = "";
}
