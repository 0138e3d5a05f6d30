package io.jobdrop.ingest;

import io.jobdrop.spec.Job;
import io.jobdrop.spec.Problem;
import java.util.List;

/**
 * A job that passed every check, as Bacalhau would store it when new ({@code job}: normalized, defaults applied,
 * stamped), and as it is forwarded ({@code specJson}: the sanitized submission with its Name, no server fields and no
 * orchestrator defaults, so the orchestrator's own defaults still apply).
 */
public record AcceptedJob(Job job, String specJson, List<Problem> warnings) {
}
