package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Puts dead letters back into the outbox. */
final class DeadLetters {

    private final Transactions transactions;
    private final Supplier<Instant> clock;
    private final String instanceId;

    private final EventTable events;

    DeadLetters(Transactions transactions, Supplier<Instant> clock, String instanceId, EventTable events) {
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    int replay(String idOrName) {
        return transactions.inTransaction("replay " + idOrName, c -> {
            String id = JobLookup.resolve(c, idOrName)
                    .orElseThrow(() -> new IllegalArgumentException("no job with ID or name '" + idOrName + "'"));
            return replayIn(c, id);
        });
    }

    /** Each job in its own transaction, so one failure keeps the replays before it. */
    int replayAll() {
        List<String> dead = transactions.inTransaction("list dead letters", DeadLetters::deadJobIds);
        int replayed = 0;
        for (String id : dead) {
            replayed += transactions.inTransaction("replay " + id, c -> replayIn(c, id));
        }
        return replayed;
    }

    /** Checked under the job's row lock, so a job replayed twice at once is queued once. */
    private int replayIn(Connection c, String id) throws SQLException {
        StoredJob job = JobTable.lockById(c, id).orElse(null);
        if (job == null || job.delivery() != DeliveryState.DEAD) {
            return 0;
        }
        Instant now = clock.get();
        OutboxTable.enqueue(c, id, job.version(), now);
        // a dead rerun is replayed as a rerun: a plain submission of a version the orchestrator has would not run it
        Optional<String> request = JobTable.takeDeadRequest(c, id);
        if (request.isPresent()) {
            OutboxTable.setRequest(c, id, request.get());
        }
        JobTable.setDelivery(c, id, DeliveryState.QUEUED, now);
        events.appendForJob(c, job.ref(), EventType.REPLAYED, instanceId, "version " + job.version() + " queued again"
                + request.map(r -> " (" + r + ")").orElse(""), now);
        return 1;
    }

    private static List<String> deadJobIds(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM jobs WHERE delivery = ? ORDER BY updated_at, id")) {
            s.setString(1, DeliveryState.DEAD.wireName());
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }
}
