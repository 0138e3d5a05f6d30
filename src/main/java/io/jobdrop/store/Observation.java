package io.jobdrop.store;

import java.util.List;

/** What one poll of the orchestrator saw: the job's State.StateType and State.Message, and its executions. */
public record Observation(String state, String message, List<ExecutionRecord> executions) {

    public Observation {
        executions = List.copyOf(executions);
    }
}
