package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code job_versions} table: every version ever accepted, kept for history and for replaying dead letters. */
final class VersionTable {

    private VersionTable() {
    }

    static void insert(Connection c, String jobId, long version, String jobJson, String specJson, String source,
                       Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO job_versions (job_id, job_seq, version, job_json,"
                + " spec_json, source, created_at) VALUES (?, " + JobTable.SEQ_OF_ID + ", ?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            s.setLong(3, version);
            s.setString(4, jobJson);
            s.setString(5, specJson);
            s.setString(6, source);
            DbTime.set(s, 7, now);
            s.executeUpdate();
        }
    }

    static List<JobVersion> list(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, source, created_at, spec_json FROM job_versions"
                + " WHERE job_seq = " + JobTable.SEQ_OF_ID + " ORDER BY version")) {
            s.setString(1, jobId);
            List<JobVersion> versions = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    versions.add(new JobVersion(r.getLong("version"), r.getString("source"),
                            DbTime.get(r, "created_at"), r.getString("spec_json")));
                }
            }
            return versions;
        }
    }
}
