package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** Networking of a task ({@code pkg/models/network.go}). */
@JsonPropertyOrder({"Type", "Domains", "Ports"})
public class NetworkConfig {
    @JsonProperty("Type") public Network type = Network.DEFAULT;
    @JsonProperty("Domains") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<String> domains;
    @JsonProperty("Ports") @JsonInclude(JsonInclude.Include.NON_EMPTY) public List<PortMapping> ports;
}
