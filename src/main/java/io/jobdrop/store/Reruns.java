package io.jobdrop.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A user's request to run a delivered job again: queued in the outbox as a rerun (durable; sent by the forward route as
 * {@code PUT …/jobs/{id}/rerun}, or as a forced submission where the orchestrator has no rerun endpoint), recorded as a
 * {@code rerun} event, and followed again once delivered.
 */
final class Reruns {

    private final Transactions transactions;
    private final Supplier<Instant> clock;
    private final String instanceId;
    private final EventTable events;

    Reruns(Transactions transactions, Supplier<Instant> clock, String instanceId, EventTable events) {
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    /**
     * @throws IllegalArgumentException when no job has this ID or Name (or the Name is ambiguous)
     * @throws IllegalStateException    when the job is not delivered (still queued, or a dead letter: replay it)
     */
    JobRef rerun(String idOrName, String reason) {
        return transactions.inTransaction("rerun " + idOrName, c -> {
            String id = JobLookup.resolve(c, idOrName)
                    .orElseThrow(() -> new IllegalArgumentException("no job with ID or name '" + idOrName + "'"));
            return rerunIn(c, id, reason);
        });
    }

    /** Checked under the job's row lock: two reruns at once queue one. */
    static JobRef rerunIn(Connection c, EventTable events, String id, String reason, Instant now, String source) throws SQLException {
        StoredJob job = JobTable.lockById(c, id).orElseThrow(() -> new IllegalArgumentException("no job " + id));
        if (job.delivery() != DeliveryState.SUBMITTED || OutboxTable.lockQueued(c, id).isPresent()) {
            throw new IllegalStateException("job " + id + " (" + job.namespace() + "/" + job.name() + ") is "
                    + (job.delivery() == DeliveryState.DEAD ? "a dead letter: replay it instead"
                    : "not delivered yet: it runs once it is"));
        }
        OutboxTable.enqueueRerun(c, id, job.version(), now);
        JobTable.setDelivery(c, id, DeliveryState.QUEUED, now);
        FollowTable.remove(c, id);
        events.appendForJob(c, job.ref(), EventType.RERUN, source, reason, now);
        return job.ref();
    }

    private JobRef rerunIn(Connection c, String id, String reason) throws SQLException {
        return rerunIn(c, events, id, reason, clock.get(), instanceId);
    }
}
