package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Records one forward attempt and what it decided, as one write of the ledger's group commit. Locks are taken job row first, outbox row
 * second, the order intake and replay use too, so concurrent transactions queue instead of deadlocking.
 */
final class AttemptRecorder {

    private final GroupCommit writes;
    private final Supplier<Instant> clock;
    private final String instanceId;

    private final EventTable events;

    AttemptRecorder(GroupCommit writes, Supplier<Instant> clock, String instanceId, EventTable events) {
        this.events = events;
        this.writes = writes;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    CompletableFuture<Void> record(OutboxItem item, Integer statusCode, long latencyMs, String error,
                                   Delivery delivery) {
        return writes.submit("record attempt for job " + item.jobId(), c -> {
            recordIn(c, item, statusCode, latencyMs, error, delivery);
            return null;
        });
    }

    private void recordIn(Connection c, OutboxItem item, Integer statusCode, long latencyMs, String error,
                          Delivery delivery) throws SQLException {
        Instant now = clock.get();
        StoredJob job = JobTable.lockById(c, item.jobId())
                .orElseThrow(() -> new SQLException("no job " + item.jobId() + " in the ledger"));
        AttemptTable.insert(c, item.jobId(), item.version(), now, statusCode, latencyMs, AttemptOutcome.of(delivery),
                error != null ? error : failureText(delivery));
        Optional<Long> queued = OutboxTable.lockQueuedVersion(c, item.jobId());
        JobRef sent = new JobRef(job.id(), job.namespace(), job.name(), item.version());
        // Only the version the outbox still holds is settled by this answer; a newer queued version waits its turn.
        if (queued.isEmpty() || queued.get() != item.version()) {
            recordSuperseded(c, sent, queued, delivery, now);
        } else if (delivery instanceof Delivery.Submitted submitted) {
            OutboxTable.remove(c, job.id());
            JobTable.markSubmitted(c, job.id(), submitted.orchestratorJobId(), submitted.evaluationId(), now);
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, submittedDetail(submitted), now);
        } else if (delivery instanceof Delivery.AlreadyPresent present) {
            OutboxTable.remove(c, job.id());
            JobTable.markSubmitted(c, job.id(), null, null, now);
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, alreadyPresentDetail(present), now);
        } else if (delivery instanceof Delivery.Retry retry) {
            OutboxTable.reschedule(c, job.id(), retry.countsAsFailure() ? 1 : 0, DbTime.storable(retry.notBefore()),
                    retry.refusedCredentials());
            JobTable.setLastError(c, job.id(), retry.reason(), now);
            events.appendForJob(c, sent, EventType.ATTEMPT_FAILED, instanceId, retry.reason(), now);
        } else {
            String reason = failureText(delivery);
            OutboxTable.remove(c, job.id());
            JobTable.markDead(c, job.id(), reason, now);
            events.appendForJob(c, sent, EventType.DEAD, instanceId, reason, now);
        }
    }

    /**
     * The outbox holds a newer version (updated while this one was in flight) or nothing (another instance settled
     * the job after this lease ran out). The answer is history only; the lease this instance held is given back so
     * the newer version goes out without waiting for the lease to run out.
     */
    private void recordSuperseded(Connection c, JobRef sent, Optional<Long> queued, Delivery delivery, Instant now)
            throws SQLException {
        if (queued.isPresent()) {
            OutboxTable.releaseLease(c, sent.id(), instanceId);
        }
        String note = queued.map(v -> " (version " + v + " is queued)").orElse(" (nothing queued any more)");
        if (delivery instanceof Delivery.Submitted submitted) {
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, submittedDetail(submitted), now);
        } else if (delivery instanceof Delivery.AlreadyPresent present) {
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, alreadyPresentDetail(present), now);
        } else {
            events.appendForJob(c, sent, EventType.ATTEMPT_FAILED, instanceId, failureText(delivery) + note, now);
        }
    }

    /** The reason of a failed delivery as people read it; null for successes. */
    private static String failureText(Delivery delivery) {
        if (delivery instanceof Delivery.Rejected rejected) {
            return "rejected by orchestrator: " + rejected.message();
        } else if (delivery instanceof Delivery.Retry retry) {
            return retry.reason();
        } else if (delivery instanceof Delivery.Dead dead) {
            return dead.reason();
        }
        return null;
    }

    private static String submittedDetail(Delivery.Submitted submitted) {
        // a tree, not a map: the shared mapper sorts map keys, and the orchestrator's own order reads better
        ObjectNode detail = JobJson.mapper().createObjectNode()
                .put("JobID", submitted.orchestratorJobId())
                .put("EvaluationID", submitted.evaluationId());
        ArrayNode warnings = detail.putArray("Warnings");
        if (submitted.warnings() != null) {
            submitted.warnings().forEach(warnings::add);
        }
        try {
            return JobJson.mapper().writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String alreadyPresentDetail(Delivery.AlreadyPresent present) {
        String message = present.message();
        return message == null || message.isBlank() ? "already present" : "already present: " + message;
    }
}
