package io.jobdrop.store;

import java.util.List;
import java.util.Optional;

/**
 * Everything {@code jobdrop show} prints about one job: its summary, the orchestrator's IDs once submitted, the
 * stamped job of the current version, its outbox row while it waits, and its versions, events and attempts (oldest
 * first).
 */
public record JobDetail(JobSummary summary, String orchestratorJobId, String evaluationId, String jobJson,
                        Optional<OutboxState> outbox, List<JobVersion> versions, List<JobEvent> events,
                        List<ForwardAttempt> attempts) {
}
