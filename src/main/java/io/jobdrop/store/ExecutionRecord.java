package io.jobdrop.store;

/**
 * One execution of a job as the orchestrator reported it (spec §16.1 Execution), as jobdrop keeps it: states by name,
 * stdout and stderr cut to {@code jobdrop.follow.output-bytes} (the truncated flags say whether the orchestrator or
 * jobdrop cut them), and the published result as the orchestrator's JSON (null when none).
 */
public record ExecutionRecord(String id, long jobVersion, String nodeId, String computeState, String desiredState,
                              String stateMessage, Integer exitCode, String stdout, boolean stdoutTruncated,
                              String stderr, boolean stderrTruncated, String errorMsg, String publishedResult,
                              long createTime, long modifyTime) {
}
