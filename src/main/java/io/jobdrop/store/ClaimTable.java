package io.jobdrop.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.jobdrop.spec.JobJson;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;

/** The {@code intake_claims} table: one row per intake unit, keyed so that only one transaction can insert it. */
final class ClaimTable {

    private ClaimTable() {
    }

    /** Throws a unique violation when the unit is already claimed (or being claimed by a transaction that commits). */
    static void insert(Connection c, IntakeClaim claim, Disposition disposition, String report, Instant now)
            throws SQLException {
        insert(c, claim, disposition, report, null, now);
    }

    /** @param rejectedText the text of a rejected unit, for its report on the dashboard; null for accepted ones */
    static void insert(Connection c, IntakeClaim claim, Disposition disposition, String report, String rejectedText,
                       Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO intake_claims (source, claim_key, source_name,"
                + " disposition, report, claimed_at, rejected_text) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, claim.source());
            s.setString(2, claim.key());
            s.setString(3, claim.displayName());
            s.setString(4, disposition.column());
            s.setString(5, report);
            DbTime.set(s, 6, now);
            s.setString(7, disposition == Disposition.ERROR ? rejectedText : null);
            s.executeUpdate();
        }
    }

    static Optional<Disposition> disposition(Connection c, IntakeClaim claim) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT disposition FROM intake_claims WHERE source = ? AND claim_key = ?")) {
            s.setString(1, claim.source());
            s.setString(2, claim.key());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Disposition.fromColumn(r.getString(1))) : Optional.empty();
            }
        }
    }

    /** The recorded claims among {@code keys} of one source, by claim key; keys never claimed are absent. */
    static Map<String, RecordedClaim> recorded(Connection c, String source, Collection<String> keys)
            throws SQLException {
        Map<String, RecordedClaim> found = new HashMap<>();
        List<String> all = List.copyOf(keys);
        // in slices: a statement's parameters are bounded (PostgreSQL: 65,535)
        for (int from = 0; from < all.size(); from += 500) {
            List<String> slice = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT claim_key, disposition, jobs, report"
                    + " FROM intake_claims WHERE source = ? AND claim_key IN (" + marks + ")")) {
                s.setString(1, source);
                for (int i = 0; i < slice.size(); i++) {
                    s.setString(i + 2, slice.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String key = r.getString(1);
                        found.put(key, new RecordedClaim(key, Disposition.fromColumn(r.getString(2)),
                                r.getString(3), r.getString(4)));
                    }
                }
            }
        }
        return found;
    }

    /** Where the inbox file of this claim was filed, relative to the inbox. */
    static void place(Connection c, IntakeClaim claim, String placedAs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE intake_claims SET placed_as = ? WHERE source = ? AND claim_key = ?")) {
            s.setString(1, placedAs);
            s.setString(2, claim.source());
            s.setString(3, claim.key());
            s.executeUpdate();
        }
    }

    /** The jobs a unit recorded, as {@code /api/v1/files} lists them: {@code [{id,namespace,name,version,change}]}. */
    static void recordJobs(Connection c, IntakeClaim claim, List<JobChange> changes) throws SQLException {
        ArrayNode jobs = JobJson.mapper().createArrayNode();
        for (JobChange change : changes) {
            jobs.addObject().put("id", change.jobId()).put("namespace", change.namespace()).put("name", change.name())
                    .put("version", change.version()).put("change", change.change().name().toLowerCase(Locale.ROOT));
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE intake_claims SET jobs = ? WHERE source = ? AND claim_key = ?")) {
            s.setString(1, jobs.toString());
            s.setString(2, claim.source());
            s.setString(3, claim.key());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO unit_jobs (source, claim_key, job_id, job_seq)"
                + " VALUES (?, ?, ?, " + JobTable.SEQ_OF_ID + ")")) {
            // a file may name one job twice (the second document an update or unchanged)
            for (String jobId : new LinkedHashSet<>(changes.stream().map(JobChange::jobId).toList())) {
                s.setString(1, claim.source());
                s.setString(2, claim.key());
                s.setString(3, jobId);
                s.setString(4, jobId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
