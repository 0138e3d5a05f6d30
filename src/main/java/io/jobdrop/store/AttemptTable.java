package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code forward_attempts} table: every request sent to the orchestrator and how it ended. */
final class AttemptTable {

    private AttemptTable() {
    }

    /**
     * Records an attempt numbered after the job's earlier ones, counted by the insert itself; the caller holds the
     * job's row lock, so two reports for one job cannot take the same number.
     */
    static void insert(Connection c, String jobId, long version, Instant at, Integer statusCode, long latencyMs,
                       AttemptOutcome outcome, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO forward_attempts (job_id, job_seq, version, attempt,"
                + " attempted_at, status_code, latency_ms, outcome, error) SELECT ?, " + JobTable.SEQ_OF_ID + ", ?,"
                + " COUNT(*) + 1, ?, ?, ?, ?, ? FROM forward_attempts WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            s.setLong(3, version);
            DbTime.set(s, 4, at);
            if (statusCode == null) {
                s.setNull(5, Types.INTEGER);
            } else {
                s.setInt(5, statusCode);
            }
            s.setLong(6, latencyMs);
            s.setString(7, outcome.wireName());
            s.setString(8, error);
            s.setString(9, jobId);
            s.executeUpdate();
        }
    }

    static List<ForwardAttempt> listForJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT attempt, version, attempted_at, status_code, latency_ms,"
                + " outcome, error FROM forward_attempts WHERE job_seq = " + JobTable.SEQ_OF_ID
                + " ORDER BY attempt")) {
            s.setString(1, jobId);
            List<ForwardAttempt> attempts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int storedStatus = r.getInt("status_code");
                    Integer statusCode = r.wasNull() ? null : storedStatus;
                    attempts.add(new ForwardAttempt(r.getInt("attempt"), r.getLong("version"),
                            DbTime.get(r, "attempted_at"), statusCode, r.getLong("latency_ms"),
                            AttemptOutcome.fromColumn(r.getString("outcome")), r.getString("error")));
                }
            }
            return attempts;
        }
    }
}
