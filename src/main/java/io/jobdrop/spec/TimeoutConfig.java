package io.jobdrop.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Timeouts in seconds; 0 means none ({@code pkg/models/timeout.go}). Each is omitted when 0. */
@JsonPropertyOrder({"ExecutionTimeout", "QueueTimeout", "TotalTimeout"})
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public class TimeoutConfig {
    @JsonProperty("ExecutionTimeout") public long executionTimeout;
    @JsonProperty("QueueTimeout") public long queueTimeout;
    @JsonProperty("TotalTimeout") public long totalTimeout;
}
