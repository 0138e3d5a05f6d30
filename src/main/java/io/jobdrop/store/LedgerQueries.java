package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code jobdrop jobs} and {@code jobdrop show} read. */
final class LedgerQueries {

    private static final String SUMMARY_COLUMNS = "SELECT id, namespace, name, version, revision, delivery, state,"
            + " create_time, modify_time, updated_at, last_error, orchestrator_job_id";

    private final Transactions transactions;

    LedgerQueries(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The latest changed first. */
    List<JobSummary> list(String deliveryOrNull, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        DeliveryState delivery = deliveryOrNull == null ? null : DeliveryState.parse(deliveryOrNull);
        String sql = SUMMARY_COLUMNS + " FROM jobs" + (delivery == null ? "" : " WHERE delivery = ?")
                + " ORDER BY updated_at DESC, id LIMIT ?";
        return transactions.inTransaction("list jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int index = 1;
                if (delivery != null) {
                    s.setString(index++, delivery.wireName());
                }
                s.setInt(index, limit);
                List<JobSummary> jobs = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        jobs.add(summary(r));
                    }
                }
                return jobs;
            }
        });
    }

    /** How many jobs {@link #list} would show without a limit. */
    long count(String deliveryOrNull) {
        DeliveryState delivery = deliveryOrNull == null ? null : DeliveryState.parse(deliveryOrNull);
        String sql = "SELECT COUNT(*) FROM jobs" + (delivery == null ? "" : " WHERE delivery = ?");
        return transactions.inTransaction("count jobs", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (delivery != null) {
                    s.setString(1, delivery.wireName());
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    Optional<JobDetail> show(String idOrName) {
        return transactions.inTransaction("show " + idOrName, c -> {
            Optional<String> id = JobLookup.resolve(c, idOrName);
            return id.isEmpty() ? Optional.empty() : Optional.of(detail(c, id.get()));
        });
    }

    /**
     * The inbox files recorded under this name: the name as dropped ({@code x.yaml}), its path as taken, or the name it
     * was filed as ({@code .done/x.1.yaml}). The oldest first.
     */
    List<FileRecord> showFile(String file) {
        String suffix = "%/" + file.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return transactions.inTransaction("show file " + file, c -> {
            List<FileRecord> records = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT source_name, disposition, report, claimed_at,"
                    + " placed_as, source FROM intake_claims WHERE (source = 'inbox' OR source LIKE 'table:%')"
                    + " AND (source_name = ? OR source_name LIKE ? ESCAPE '\\' OR placed_as = ? OR placed_as LIKE ? ESCAPE '\\')"
                    + " ORDER BY claimed_at, claim_key")) {
                s.setString(1, file);
                s.setString(2, suffix);
                s.setString(3, file);
                s.setString(4, suffix);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant at = DbTime.get(r, "claimed_at");
                        String source = r.getString("source_name");
                        records.add(new FileRecord(source, Disposition.fromColumn(r.getString("disposition")),
                                r.getString("report"), at, r.getString("placed_as"), jobsOf(c, source, at),
                                r.getString("source")));
                    }
                }
            }
            return records;
        });
    }

    /** The job events the intake of a file wrote: they carry its name and its claim's time. */
    private static List<JobEvent> jobsOf(Connection c, String source, Instant at) throws SQLException {
        return EventTable.listForFile(c, source, at);
    }

    private static JobDetail detail(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SUMMARY_COLUMNS + ", evaluation_id,"
                + " (SELECT v.job_json FROM job_versions v WHERE v.job_seq = jobs.seq AND v.version = jobs.version)"
                + " AS job_json FROM jobs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new JobDetail(summary(r), r.getString("orchestrator_job_id"), r.getString("evaluation_id"),
                        r.getString("job_json"), OutboxTable.state(c, id), VersionTable.list(c, id),
                        EventTable.listForJob(c, id), AttemptTable.listForJob(c, id));
            }
        }
    }

    private static JobSummary summary(ResultSet r) throws SQLException {
        return new JobSummary(r.getString("id"), r.getString("namespace"), r.getString("name"), r.getLong("version"),
                r.getLong("revision"), DeliveryState.parse(r.getString("delivery")), r.getString("state"),
                DbTime.fromUnixNanos(r.getLong("create_time")), DbTime.fromUnixNanos(r.getLong("modify_time")),
                DbTime.get(r, "updated_at"), r.getString("last_error"), r.getString("orchestrator_job_id"));
    }
}
