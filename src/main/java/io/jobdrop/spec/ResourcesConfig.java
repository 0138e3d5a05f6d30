package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Requested resources as strings ({@code pkg/models/resource.go}); each is omitted when empty. */
@JsonPropertyOrder({"CPU", "Memory", "Disk", "GPU"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ResourcesConfig {
    @JsonProperty("CPU") public String cpu = "";
    @JsonProperty("Memory") public String memory = "";
    @JsonProperty("Disk") public String disk = "";
    @JsonProperty("GPU") public String gpu = "";
}
