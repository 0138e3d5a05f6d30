package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code executions} table: each execution of a followed job as last reported, upserted by its ID. */
final class ExecutionTable {

    private static final String COLUMNS = "id, job_id, version, job_version, node_id, compute_state, desired_state,"
            + " state_message, exit_code, stdout, stdout_truncated, stderr, stderr_truncated, error_msg,"
            + " published_result, create_time, modify_time, updated_at";

    private ExecutionTable() {
    }

    static void upsert(Connection c, String jobId, long version, ExecutionRecord e, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE executions SET job_version = ?, node_id = ?,"
                + " compute_state = ?, desired_state = ?, state_message = ?, exit_code = ?, stdout = ?,"
                + " stdout_truncated = ?, stderr = ?, stderr_truncated = ?, error_msg = ?, published_result = ?,"
                + " create_time = ?, modify_time = ?, updated_at = ? WHERE id = ? AND job_id = ?")) {
            int i = fill(s, 1, e, now);
            s.setString(i, e.id());
            s.setString(i + 1, jobId);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO executions (job_version, node_id, compute_state,"
                + " desired_state, state_message, exit_code, stdout, stdout_truncated, stderr, stderr_truncated,"
                + " error_msg, published_result, create_time, modify_time, updated_at, id, job_id, job_seq, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + JobTable.SEQ_OF_ID + ", ?)")) {
            int i = fill(s, 1, e, now);
            s.setString(i, e.id());
            s.setString(i + 1, jobId);
            s.setString(i + 2, jobId);
            s.setLong(i + 3, version);
            s.executeUpdate();
        }
    }

    private static int fill(PreparedStatement s, int from, ExecutionRecord e, Instant now) throws SQLException {
        int i = from;
        s.setLong(i++, e.jobVersion());
        s.setString(i++, e.nodeId());
        s.setString(i++, e.computeState());
        s.setString(i++, e.desiredState());
        s.setString(i++, e.stateMessage());
        if (e.exitCode() == null) {
            s.setNull(i++, Types.INTEGER);
        } else {
            s.setInt(i++, e.exitCode());
        }
        s.setString(i++, e.stdout());
        s.setBoolean(i++, e.stdoutTruncated());
        s.setString(i++, e.stderr());
        s.setBoolean(i++, e.stderrTruncated());
        s.setString(i++, e.errorMsg());
        s.setString(i++, e.publishedResult());
        s.setLong(i++, e.createTime());
        s.setLong(i++, e.modifyTime());
        DbTime.set(s, i++, now);
        return i;
    }

    /** The job's executions, oldest first. */
    static List<ExecutionRecord> listForJob(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM executions WHERE job_seq = "
                + JobTable.SEQ_OF_ID + " ORDER BY job_seq, create_time, id")) { // the (job_seq, create_time) index
            s.setString(1, jobId);
            List<ExecutionRecord> list = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int exit = r.getInt("exit_code");
                    Integer exitCode = r.wasNull() ? null : exit;
                    list.add(new ExecutionRecord(r.getString("id"), r.getLong("job_version"), r.getString("node_id"),
                            r.getString("compute_state"), r.getString("desired_state"), r.getString("state_message"),
                            exitCode, r.getString("stdout"), r.getBoolean("stdout_truncated"), r.getString("stderr"),
                            r.getBoolean("stderr_truncated"), r.getString("error_msg"),
                            r.getString("published_result"), r.getLong("create_time"), r.getLong("modify_time")));
                }
            }
            return list;
        }
    }
}
