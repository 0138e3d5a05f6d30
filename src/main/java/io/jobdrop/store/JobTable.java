package io.jobdrop.store;

import io.jobdrop.spec.Job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code jobs} table: one row per job with its current version and delivery state. */
final class JobTable {

    private static final String LOCKED_COLUMNS =
            "SELECT id, namespace, name, version, revision, create_time, delivery FROM jobs ";

    /**
     * The job's sequential key, for a statement that names the job by its ID: the tables about a job key on
     * {@code job_seq} (V18), so their indexes grow at one end whatever the IDs look like.
     */
    static final String SEQ_OF_ID = "(SELECT seq FROM jobs WHERE id = ?)";

    private JobTable() {
    }

    /** The job under this (namespace, name), locked until the transaction ends so concurrent updates queue up. */
    static Optional<StoredJob> lockByName(Connection c, String namespace, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCKED_COLUMNS + "WHERE namespace = ? AND name = ? FOR UPDATE")) {
            s.setString(1, namespace);
            s.setString(2, name);
            return readLocked(s);
        }
    }

    static Optional<StoredJob> lockById(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LOCKED_COLUMNS + "WHERE id = ? FOR UPDATE")) {
            s.setString(1, id);
            return readLocked(s);
        }
    }

    private static Optional<StoredJob> readLocked(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new StoredJob(r.getString("id"), r.getString("namespace"), r.getString("name"),
                    r.getLong("version"), r.getLong("revision"), r.getLong("create_time"),
                    DeliveryState.parse(r.getString("delivery"))));
        }
    }

    /** The submission of the current version (read apart from the lock: it can be megabytes and is rarely needed). */
    static String currentSpec(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT v.spec_json FROM jobs j JOIN job_versions v"
                + " ON v.job_seq = j.seq AND v.version = j.version WHERE j.id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("job " + id + " vanished while locked");
                }
                return r.getString(1);
            }
        }
    }

    /** A new job; its documents go to {@link VersionTable}. */
    static void insert(Connection c, Job job, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO jobs (id, namespace, name, version, revision, state,"
                + " delivery, create_time, modify_time, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, job.id);
            s.setString(2, job.namespace);
            s.setString(3, job.name);
            s.setLong(4, job.version);
            s.setLong(5, job.revision);
            s.setString(6, job.state.stateType.wireName());
            s.setString(7, DeliveryState.QUEUED.wireName());
            s.setLong(8, job.createTime);
            s.setLong(9, job.modifyTime);
            DbTime.set(s, 10, now);
            s.executeUpdate();
        }
    }

    /** A new current version (its documents go to {@link VersionTable}); the last error belonged to the old one. */
    static void updateVersion(Connection c, Job job, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET version = ?, revision = ?, state = ?,"
                + " delivery = ?, modify_time = ?, last_error = NULL, updated_at = ? WHERE id = ?")) {
            s.setLong(1, job.version);
            s.setLong(2, job.revision);
            s.setString(3, job.state.stateType.wireName());
            s.setString(4, DeliveryState.QUEUED.wireName());
            s.setLong(5, job.modifyTime);
            DbTime.set(s, 6, now);
            s.setString(7, job.id);
            s.executeUpdate();
        }
    }

    /** Submitted; IDs that are null (an already-present answer carries none) keep what an earlier answer gave. */
    static void markSubmitted(Connection c, String id, String orchestratorJobId, String evaluationId, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET delivery = ?, last_error = NULL,"
                + " orchestrator_job_id = COALESCE(?, orchestrator_job_id), evaluation_id = COALESCE(?, evaluation_id),"
                + " updated_at = ? WHERE id = ?")) {
            s.setString(1, DeliveryState.SUBMITTED.wireName());
            s.setString(2, orchestratorJobId);
            s.setString(3, evaluationId);
            DbTime.set(s, 4, now);
            s.setString(5, id);
            s.executeUpdate();
        }
    }

    /** The orchestrator's ID for the job, once an answer gave one. */
    static Optional<String> orchestratorJobId(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT orchestrator_job_id FROM jobs WHERE id = ?")) {
            s.setString(1, id);
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    static void setDelivery(Connection c, String id, DeliveryState delivery, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET delivery = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, delivery.wireName());
            DbTime.set(s, 2, now);
            s.setString(3, id);
            s.executeUpdate();
        }
    }

    /**
     * A dead letter, keeping what its outbox row asked ({@code request}: a rerun or its forced fallback; null for a
     * submission) so that a replay asks the same.
     */
    static void markDead(Connection c, String id, String lastError, String request, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE jobs SET delivery = ?, last_error = ?, dead_request = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, DeliveryState.DEAD.wireName());
            s.setString(2, lastError);
            s.setString(3, request);
            DbTime.set(s, 4, now);
            s.setString(5, id);
            s.executeUpdate();
        }
    }

    /** What a dead letter's outbox row asked (see {@link #markDead}), cleared: the replay asks it again. */
    static Optional<String> takeDeadRequest(Connection c, String id) throws SQLException {
        String request;
        try (PreparedStatement s = c.prepareStatement("SELECT dead_request FROM jobs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                request = r.next() ? r.getString(1) : null;
            }
        }
        if (request != null) {
            try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET dead_request = NULL WHERE id = ?")) {
                s.setString(1, id);
                s.executeUpdate();
            }
        }
        return Optional.ofNullable(request);
    }

    static void setLastError(Connection c, String id, String lastError, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE jobs SET last_error = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, lastError);
            DbTime.set(s, 2, now);
            s.setString(3, id);
            s.executeUpdate();
        }
    }
}
