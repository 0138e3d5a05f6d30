package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;

import java.io.UncheckedIOException;

/**
 * One execution of a job as the orchestrator reported it (spec §16.1 Execution), as jobdrop keeps it: states by name,
 * stdout and stderr cut to {@code jobdrop.follow.output-bytes} (the truncated flags say whether the orchestrator or
 * jobdrop cut them), and the published result as the orchestrator's JSON (null when none).
 */
public record ExecutionRecord(String id, long jobVersion, String nodeId, String computeState, String desiredState,
                              String stateMessage, Integer exitCode, String stdout, boolean stdoutTruncated,
                              String stderr, boolean stderrTruncated, String errorMsg, String publishedResult,
                              long createTime, long modifyTime) {

    /** The execution as the status API and unit results show it (the published result as JSON, not text). */
    public ObjectNode json() {
        ObjectNode x = JobJson.mapper().createObjectNode();
        x.put("id", id).put("jobVersion", jobVersion).put("node", nodeId).put("state", computeState)
                .put("desiredState", desiredState).put("exitCode", exitCode).put("stdout", stdout)
                .put("stdoutTruncated", stdoutTruncated).put("stderr", stderr).put("stderrTruncated", stderrTruncated)
                .put("error", errorMsg);
        try {
            x.set("result", publishedResult == null ? null : JobJson.mapper().readTree(publishedResult));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return x;
    }
}
