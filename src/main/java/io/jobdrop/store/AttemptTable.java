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
     * Records an attempt numbered after the job's earlier ones; the caller holds the job's row lock, so two reports
     * for one job cannot take the same number.
     */
    static int insert(Connection c, String jobId, long version, Instant at, Integer statusCode, long latencyMs,
                      AttemptOutcome outcome, String error) throws SQLException {
        int attempt = countFor(c, jobId) + 1;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO forward_attempts (job_id, version, attempt,"
                + " attempted_at, status_code, latency_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setLong(2, version);
            s.setInt(3, attempt);
            DbTime.set(s, 4, at);
            if (statusCode == null) {
                s.setNull(5, Types.INTEGER);
            } else {
                s.setInt(5, statusCode);
            }
            s.setLong(6, latencyMs);
            s.setString(7, outcome.wireName());
            s.setString(8, error);
            s.executeUpdate();
        }
        return attempt;
    }

    private static int countFor(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM forward_attempts WHERE job_id = ?")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    static List<ForwardAttempt> listForJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT attempt, version, attempted_at, status_code, latency_ms,"
                + " outcome, error FROM forward_attempts WHERE job_id = ? ORDER BY attempt")) {
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
