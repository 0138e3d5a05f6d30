package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code job_events} table: the history, appended to and never changed. Every event is appended here, and the
 * notifiable ones get their webhook notifications in the same transaction (see {@link Notifier}), so one instance
 * holds the ledger's notification targets.
 */
final class EventTable {

    private final Notifier notifier;

    EventTable(NotifyTargets targets) {
        this.notifier = new Notifier(targets);
    }

    void appendForJob(Connection c, JobRef job, EventType type, String source, String detail, Instant at)
            throws SQLException {
        append(c, job, type, source, detail, at);
    }

    /** An event about a file rather than a job (received, rejected). */
    void appendForFile(Connection c, EventType type, String source, String detail, Instant at)
            throws SQLException {
        append(c, null, type, source, detail, at);
    }

    private void append(Connection c, JobRef job, EventType type, String source, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO job_events (job_id, job_seq, namespace, name,"
                + " version, event_type, source, detail, occurred_at) VALUES (?, " + JobTable.SEQ_OF_ID + ", ?, ?, ?,"
                + " ?, ?, ?, ?)")) {
            s.setString(1, job == null ? null : job.id());
            s.setString(2, job == null ? null : job.id());
            s.setString(3, job == null ? null : job.namespace());
            s.setString(4, job == null ? null : job.name());
            if (job == null) {
                s.setNull(5, Types.BIGINT);
            } else {
                s.setLong(5, job.version());
            }
            s.setString(6, type.wireName());
            s.setString(7, source);
            s.setString(8, detail);
            DbTime.set(s, 9, at);
            s.executeUpdate();
        }
        notifier.written(c, job, type, source, detail, at);
    }

    static List<JobEvent> listForJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, job_id, namespace, name, version, event_type, source,"
                + " detail, occurred_at FROM job_events WHERE job_seq = " + JobTable.SEQ_OF_ID
                + " ORDER BY job_seq, id")) { // the (job_seq, id) index's own order
            s.setString(1, jobId);
            return list(s);
        }
    }

    /** The job events one intake of a file wrote: they carry its source name and its claim's time. */
    static List<JobEvent> listForFile(Connection c, String source, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, job_id, namespace, name, version, event_type, source,"
                + " detail, occurred_at FROM job_events WHERE source = ? AND occurred_at = ? AND job_id IS NOT NULL"
                + " ORDER BY id")) {
            s.setString(1, source);
            DbTime.set(s, 2, at);
            return list(s);
        }
    }

    private static List<JobEvent> list(PreparedStatement s) throws SQLException {
        List<JobEvent> events = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long storedVersion = r.getLong("version");
                Long version = r.wasNull() ? null : storedVersion;
                events.add(new JobEvent(r.getLong("id"), r.getString("job_id"), r.getString("namespace"),
                        r.getString("name"), version,
                        EventType.fromColumn(r.getString("event_type")), r.getString("source"),
                        r.getString("detail"), DbTime.get(r, "occurred_at")));
            }
        }
        return events;
    }
}
