package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;

import java.io.IOException;
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

    private final LedgerWriters writes;
    private final Supplier<Instant> clock;
    private final String instanceId;
    /** When the first poll of a delivered job is due after its delivery; null: delivered jobs are not followed. */
    private volatile java.time.Duration firstPoll;

    private final EventTable events;

    AttemptRecorder(LedgerWriters writes, Supplier<Instant> clock, String instanceId, EventTable events) {
        this.events = events;
        this.writes = writes;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    void followDelivered(java.time.Duration firstPollAfterDelivery) {
        this.firstPoll = firstPollAfterDelivery;
    }

    CompletableFuture<Void> record(OutboxItem item, Integer statusCode, long latencyMs, String error,
                                   Delivery delivery) {
        String key = LedgerWriters.jobKey(item.namespace(), item.name());
        // read here, not on the ledger's writer thread, which every write waits for
        String jobType = firstPoll != null ? jobType(item) : null;
        return writes.submit(key, "record attempt for job " + item.jobId(), c -> {
            recordIn(c, item, statusCode, latencyMs, error, delivery, jobType);
            return null;
        });
    }

    private void recordIn(Connection c, OutboxItem item, Integer statusCode, long latencyMs, String error,
                          Delivery delivery, String jobType) throws SQLException {
        Instant now = clock.get();
        StoredJob job = JobTable.lockById(c, item.jobId())
                .orElseThrow(() -> new SQLException("no job " + item.jobId() + " in the ledger"));
        AttemptTable.insert(c, item.jobId(), item.version(), now, statusCode, latencyMs, AttemptOutcome.of(delivery),
                error != null ? error : failureText(delivery));
        Optional<OutboxTable.Queued> queued = OutboxTable.lockQueued(c, item.jobId());
        JobRef sent = new JobRef(job.id(), job.namespace(), job.name(), item.version());
        // Only the row this attempt was claimed from is settled by its answer; a newer queued version, or a rerun queued
        // since (same version, queued later), waits its turn.
        if (queued.isEmpty() || !queued.get().isOf(item)) {
            recordSuperseded(c, sent, queued.map(OutboxTable.Queued::version), delivery, now);
        } else if (delivery instanceof Delivery.Submitted submitted) {
            OutboxTable.remove(c, job.id());
            JobTable.markSubmitted(c, job.id(), submitted.orchestratorJobId(), submitted.evaluationId(), now);
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, submittedDetail(submitted), now);
            follow(c, item, jobType, submitted.orchestratorJobId(), now);
        } else if (delivery instanceof Delivery.AlreadyPresent present) {
            OutboxTable.remove(c, job.id());
            JobTable.markSubmitted(c, job.id(), null, null, now);
            events.appendForJob(c, sent, EventType.FORWARDED, instanceId, alreadyPresentDetail(present), now);
            follow(c, item, jobType, JobTable.orchestratorJobId(c, job.id()).orElse(item.name()), now);
        } else if (delivery instanceof Delivery.RerunUnsupported unsupported) {
            OutboxTable.setRequest(c, job.id(), OutboxTable.FORCE);
            OutboxTable.reschedule(c, job.id(), 0, now, null);
            events.appendForJob(c, sent, EventType.ATTEMPT_FAILED, instanceId, unsupported.reason()
                    + "; the rerun is sent as a forced submission", now);
        } else if (delivery instanceof Delivery.RerunRefused refused) {
            OutboxTable.remove(c, job.id());
            JobTable.setDelivery(c, job.id(), DeliveryState.SUBMITTED, now);
            events.appendForJob(c, sent, EventType.ATTEMPT_FAILED, instanceId,
                    "rerun refused by the orchestrator: " + refused.message(), now);
            follow(c, item, jobType, item.orchestratorRef(), now);
        } else if (delivery instanceof Delivery.Retry retry) {
            OutboxTable.reschedule(c, job.id(), retry.countsAsFailure() ? 1 : 0, DbTime.storable(retry.notBefore()),
                    retry.refusedCredentials());
            JobTable.setLastError(c, job.id(), retry.reason(), now);
            events.appendForJob(c, sent, EventType.ATTEMPT_FAILED, instanceId, retry.reason(), now);
        } else {
            String reason = failureText(delivery);
            OutboxTable.remove(c, job.id());
            JobTable.markDead(c, job.id(), reason, item.request(), now);
            events.appendForJob(c, sent, EventType.DEAD, instanceId, reason, now);
            FollowTable.remove(c, job.id());
            UnitSettling.settleUnitsOf(c, job.id());
        }
    }

    /**
     * Following starts in the transaction that records the delivery: a crash after it cannot lose the job's outcome.
     * The orchestrator is asked by its own job ID, or by Name (which Bacalhau main looks up first) when it gave none.
     */
    private void follow(Connection c, OutboxItem item, String jobType, String orchestratorRef, Instant now)
            throws SQLException {
        java.time.Duration first = firstPoll;
        if (first == null || jobType == null) {
            return;
        }
        FollowTable.start(c, item.jobId(), item.version(), orchestratorRef, item.namespace(), jobType, now,
                DbTime.storable(now.plus(first)));
    }

    /** The spec's top-level Type ("batch" when it has none), read without building the document. */
    static String jobType(OutboxItem item) {
        try (JsonParser parser = JobJson.mapper().createParser(item.specJson())) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean type = "Type".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (type) {
                    return value == JsonToken.VALUE_STRING ? parser.getText() : "batch";
                }
                parser.skipChildren();
            }
            return "batch";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        } else if (delivery instanceof Delivery.RerunUnsupported unsupported) {
            return unsupported.reason();
        } else if (delivery instanceof Delivery.RerunRefused refused) {
            return "rerun refused by the orchestrator: " + refused.message();
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
