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
        try (PreparedStatement s = c.prepareStatement("INSERT INTO job_versions (job_id, version, job_json, spec_json,"
                + " source, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, jobId);
            s.setLong(2, version);
            s.setString(3, jobJson);
            s.setString(4, specJson);
            s.setString(5, source);
            DbTime.set(s, 6, now);
            s.executeUpdate();
        }
    }

    static List<JobVersion> list(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, source, created_at, spec_json FROM job_versions"
                + " WHERE job_id = ? ORDER BY version")) {
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
