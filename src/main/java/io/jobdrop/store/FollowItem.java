package io.jobdrop.store;

import java.time.Instant;

/**
 * A job version being followed, as claimed: where to ask the orchestrator ({@code orchestratorJobId}, or the Name when
 * the orchestrator never told its ID, in {@code namespace}), the job's type (daemon and service jobs are followed
 * until Running), the state last seen, and how often it was polled and failed since {@code startedAt}.
 */
public record FollowItem(String jobId, String name, long version, String orchestratorJobId, String namespace,
                         String jobType, String state, int polls, int failures, Instant startedAt) {

    /** For log lines: "job j-… (ns/name) v2". */
    public String job() {
        return "job " + jobId + " (" + namespace + "/" + name + ") v" + version;
    }
}
