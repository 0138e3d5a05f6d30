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

    /** The execution timeout in force, in seconds: without one of its own (≤ 0) an execution gets the total timeout. */
    public long effectiveExecutionTimeout() {
        return executionTimeout <= 0 ? totalTimeout : executionTimeout;
    }

    /**
     * Submission checks, joined. The execution message prints the effective value, so {@code -1} with a total of 30
     * reads {@code invalid execution timeout value: 30s}.
     */
    public void validateSubmission(Violations errors) {
        if (executionTimeout < 0) {
            errors.add("ExecutionTimeout",
                    "invalid execution timeout value: " + GoDuration.ofSeconds(effectiveExecutionTimeout()));
        }
        if (queueTimeout < 0) {
            errors.add("QueueTimeout", "invalid queue timeout value: " + GoDuration.ofSeconds(queueTimeout));
        }
        if (totalTimeout < 0) {
            errors.add("TotalTimeout", "invalid total timeout value: " + GoDuration.ofSeconds(totalTimeout));
        }
    }

    /** The store-time check: execution plus queue may not exceed a set total (equal is fine). */
    public void validateBudget(Violations errors) {
        if (totalTimeout > 0 && executionTimeout + queueTimeout > totalTimeout) {
            errors.add("", "execution timeout " + GoDuration.ofSeconds(effectiveExecutionTimeout())
                    + " and queue timeout " + GoDuration.ofSeconds(queueTimeout)
                    + " should be less than total timeout " + GoDuration.ofSeconds(totalTimeout));
        }
    }
}
