package io.jobdrop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jobdrop.spec.JobJson;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The result of an intake unit (a file, an object, a posted body) once every job in it has ended: per job its final
 * state and the orchestrator's message, and the job's executions so far, oldest first, each with its job version. It
 * is composed in the transaction that records the last job's end and kept in {@code intake_claims.result_json}; the
 * results writer puts it beside the source and marks it written, so it is written once whichever instance ends the
 * last job.
 */
final class UnitResults {

    /** The source of inbox claims; their results are written beside the filed file. */
    static final String INBOX = "inbox";
    private static final Set<EventType> STATE_EVENTS = EnumSet.of(EventType.RUNNING, EventType.COMPLETED,
            EventType.FAILED, EventType.STOPPED, EventType.UNKNOWN, EventType.DEAD);

    private UnitResults() {
    }

    private record Unit(String source, String key, String name, String jobs) {
    }

    /** By source, then claim key: one order every writer and instance locks units in (Java's, not the collation's). */
    private static final Comparator<Unit> UNIT_ORDER = Comparator.comparing(Unit::source).thenComparing(Unit::key);

    /**
     * Composes the result of each unit holding one of these jobs whose jobs have now all ended. Each unit's row is
     * locked first: two writers (or instances) that end a unit's last two jobs side by side would otherwise each still
     * see the other's job followed and neither would compose the result. Locked, the later of the two waits for the
     * earlier to commit and then sees both ends. Units are locked in key order; in a group commit this is the last work
     * of the transaction ({@link UnitSettling}), so two writers never wait on each other's units in a circle.
     */
    static void settleUnitsOf(Connection c, Collection<String> jobIds) throws SQLException {
        for (Unit unit : unitsWith(c, jobIds)) {
            if (!lockUnsettled(c, unit)) {
                continue;
            }
            JsonNode jobs = read(unit.jobs());
            List<String> ids = new ArrayList<>();
            jobs.forEach(j -> ids.add(j.path("id").asText()));
            boolean allEnded = true;
            for (String id : ids) {
                allEnded &= ended(c, id);
            }
            if (allEnded) {
                store(c, unit, compose(c, unit, ids));
            }
        }
    }

    /** The unsettled units holding any of these jobs, each once, in key order. */
    private static Collection<Unit> unitsWith(Connection c, Collection<String> jobIds) throws SQLException {
        SortedSet<Unit> units = new TreeSet<>(UNIT_ORDER);
        for (String jobId : new LinkedHashSet<>(jobIds)) {
            units.addAll(unitsWith(c, jobId));
        }
        return units;
    }

    private static List<Unit> unitsWith(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT i.source, i.claim_key, i.source_name, i.jobs"
                + " FROM unit_jobs u JOIN intake_claims i ON i.source = u.source AND i.claim_key = u.claim_key"
                + " WHERE u.job_seq = " + JobTable.SEQ_OF_ID
                + " AND i.disposition = 'done' AND i.result_json IS NULL")) {
            s.setString(1, jobId);
            List<Unit> units = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    units.add(new Unit(r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
                }
            }
            return units;
        }
    }

    /** Locks the unit's row; false when its result was composed meanwhile. */
    private static boolean lockUnsettled(Connection c, Unit unit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT result_json FROM intake_claims"
                + " WHERE source = ? AND claim_key = ? FOR UPDATE")) {
            s.setString(1, unit.source());
            s.setString(2, unit.key());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getString(1) == null;
            }
        }
    }

    /** Delivered or dead, and neither waiting to be sent nor still followed. */
    private static boolean ended(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT j.delivery,"
                + " (SELECT COUNT(*) FROM outbox o WHERE o.job_seq = j.seq) AS queued,"
                + " (SELECT COUNT(*) FROM follows f WHERE f.job_seq = j.seq) AS followed FROM jobs j WHERE j.id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && !r.getString(1).equals(DeliveryState.QUEUED.wireName()) && r.getLong(2) == 0
                        && r.getLong(3) == 0;
            }
        }
    }

    private static ObjectNode compose(Connection c, Unit unit, List<String> ids) throws SQLException {
        ObjectNode result = JobJson.mapper().createObjectNode();
        result.put("file", unit.name());
        result.put("source", unit.source());
        ArrayNode jobs = result.putArray("jobs");
        for (String id : ids) {
            ObjectNode job = jobs.addObject();
            long version;
            long seq;
            try (PreparedStatement s = c.prepareStatement("SELECT seq, namespace, name, version, state, delivery,"
                    + " orchestrator_job_id FROM jobs WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    seq = r.getLong("seq");
                    version = r.getLong("version");
                    job.put("id", id).put("namespace", r.getString("namespace")).put("name", r.getString("name"))
                            .put("version", version).put("orchestratorJobId", r.getString("orchestrator_job_id"))
                            .put("delivery", r.getString("delivery")).put("state", r.getString("state"));
                }
            }
            job.put("message", lastMessage(c, seq));
            ArrayNode executions = job.putArray("executions");
            for (ExecutionRecord e : ExecutionTable.listForJob(c, id)) {
                executions.add(e.json());
            }
        }
        return result;
    }

    /** The orchestrator's word on how the job ended (or jobdrop's, for dead letters and unknown ends). */
    private static String lastMessage(Connection c, long jobSeq) throws SQLException {
        // the job's own events, newest first, in the order of its (job_seq, id) index, and the first state event
        // among them picked here: with the event types in the WHERE clause, a running jobdrop's H2 read every state
        // event of every job for each call (three quarters of the ledger writer's time after a burst of 30,000)
        try (PreparedStatement s = c.prepareStatement("SELECT event_type, detail FROM job_events WHERE job_seq = ?"
                + " ORDER BY job_seq DESC, id DESC")) {
            s.setLong(1, jobSeq);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (STATE_EVENTS.contains(EventType.fromColumn(r.getString(1)))) {
                        return r.getString(2);
                    }
                }
                return null;
            }
        }
    }

    private static void store(Connection c, Unit unit, ObjectNode result) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE intake_claims SET result_json = ?"
                + " WHERE source = ? AND claim_key = ? AND result_json IS NULL")) {
            s.setString(1, write(result));
            s.setString(2, unit.source());
            s.setString(3, unit.key());
            if (s.executeUpdate() == 0) {
                return;
            }
        }
        if (INBOX.equals(unit.source()) || unit.source().startsWith("s3://")) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO results_due (source, claim_key) VALUES (?, ?)")) {
                s.setString(1, unit.source());
                s.setString(2, unit.key());
                s.executeUpdate();
            }
        }
    }

    /**
     * Results waiting to be written beside their inbox files (filed already) or into their buckets, at most
     * {@code max}. A bucket object's result is marked {@link UnitResult#superseded()} when the ledger has since
     * accepted a newer version of the object (same key, another ETag): that version's move replaced the object in the
     * done prefix, and its result is the one that belongs beside it.
     */
    static List<UnitResult> due(Connection c, int max) throws SQLException {
        // every version of a bucket object is recorded under the object's name (indexed): is there a later one?
        try (PreparedStatement s = c.prepareStatement("SELECT i.source, i.claim_key, i.source_name, i.placed_as,"
                + " i.result_json, CASE WHEN i.source <> ? AND EXISTS (SELECT 1 FROM intake_claims n"
                + " WHERE n.source_name = i.source_name AND n.source = i.source AND n.disposition = 'done'"
                + " AND n.claimed_at > i.claimed_at) THEN 1 ELSE 0 END AS superseded"
                + " FROM results_due d JOIN intake_claims i ON i.source = d.source AND i.claim_key = d.claim_key"
                + " WHERE i.placed_as IS NOT NULL OR i.source <> ? ORDER BY d.source, d.claim_key")) {
            s.setString(1, INBOX);
            s.setString(2, INBOX);
            s.setMaxRows(max);
            List<UnitResult> due = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new UnitResult(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getInt(6) == 1));
                }
            }
            return due;
        }
    }

    /** The result is beside its file now. */
    static void written(Connection c, UnitResult result, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM results_due WHERE source = ? AND claim_key = ?")) {
            s.setString(1, result.source());
            s.setString(2, result.key());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE intake_claims SET result_written_at = ?"
                + " WHERE source = ? AND claim_key = ?")) {
            DbTime.set(s, 1, now);
            s.setString(2, result.source());
            s.setString(3, result.key());
            s.executeUpdate();
        }
    }

    private static JsonNode read(String json) {
        try {
            return JobJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode json) {
        try {
            return JobJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
