package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the status API reads. Pages are keyset pages, newest first: each starts strictly below the cursor of the one
 * before, in an order that no later change moves (a job's CreateTime and ID; a unit's claim time and key), so paging
 * while jobs come in and change state never skips or repeats one.
 */
final class StatusQueries {

    private final Transactions transactions;
    private final Supplier<Instant> clock;

    StatusQueries(Transactions transactions, Supplier<Instant> clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    JobPage jobs(DeliveryState delivery, String name, String nameContains, String source, JobCursor after,
                 int limit) {
        StringBuilder sql = new StringBuilder("SELECT j.id, j.namespace, j.name, j.version, j.revision, j.delivery,"
                + " j.state, j.create_time, j.modify_time, j.updated_at, j.last_error FROM jobs j");
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (source != null) {
            sql.append(" JOIN job_versions v ON v.job_seq = j.seq AND v.version = j.version");
            where.add("v.source = ?");
            args.add(source);
        }
        if (delivery != null) {
            where.add("j.delivery = ?");
            args.add(delivery.wireName());
        }
        if (name != null) {
            where.add("j.name = ?");
            args.add(name);
        }
        if (nameContains != null) {
            // a substring, whatever its case; LIKE's wildcards in it stand for themselves
            where.add("LOWER(j.name) LIKE ? ESCAPE '\\'");
            args.add("%" + likeLiteral(nameContains.toLowerCase(Locale.ROOT)) + "%");
        }
        if (after != null) {
            where.add("(j.create_time < ? OR (j.create_time = ? AND j.id < ?))");
            args.add(after.createTime());
            args.add(after.createTime());
            args.add(after.id());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY j.create_time DESC, j.id DESC LIMIT ?");
        args.add(limit + 1);
        List<JobSummary> rows = transactions.inTransaction("list jobs", c -> query(c, sql.toString(), args,
                r -> new JobSummary(r.getString("id"), r.getString("namespace"), r.getString("name"),
                        r.getLong("version"), r.getLong("revision"), DeliveryState.parse(r.getString("delivery")),
                        r.getString("state"), DbTime.fromUnixNanos(r.getLong("create_time")),
                        DbTime.fromUnixNanos(r.getLong("modify_time")), DbTime.get(r, "updated_at"),
                        r.getString("last_error"))));
        if (rows.size() <= limit) {
            return new JobPage(rows, null);
        }
        JobSummary last = rows.get(limit - 1);
        return new JobPage(List.copyOf(rows.subList(0, limit)),
                new JobCursor(DbTime.unixNanos(last.createTime()), last.id()));
    }

    IntakePage intake(Disposition disposition, String name, IntakeCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT source, claim_key, source_name, claimed_at, disposition, report,"
                + " jobs, placed_as, result_json FROM intake_claims");
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        if (disposition != null) {
            where.add("disposition = ?");
            args.add(disposition.column());
        }
        if (name != null) {
            where.add("source_name = ?");
            args.add(name);
        }
        if (after != null) {
            where.add("(claimed_at < ? OR (claimed_at = ? AND (source < ? OR (source = ? AND claim_key < ?))))");
            args.add(after.claimedAt());
            args.add(after.claimedAt());
            args.add(after.source());
            args.add(after.source());
            args.add(after.claimKey());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY claimed_at DESC, source DESC, claim_key DESC LIMIT ?");
        args.add(limit + 1);
        List<IntakeRecord> rows = transactions.inTransaction("list intake", c -> query(c, sql.toString(), args,
                StatusQueries::intakeRecord));
        if (rows.size() <= limit) {
            return new IntakePage(rows, null);
        }
        return new IntakePage(List.copyOf(rows.subList(0, limit)), rows.get(limit - 1).cursor());
    }

    /** The unit under this key, with its text when it was rejected after being read. */
    Optional<RejectedUnit> unit(String source, String claimKey) {
        List<RejectedUnit> rows = transactions.inTransaction("read intake unit", c -> query(c,
                "SELECT source, claim_key, source_name, claimed_at, disposition, report, jobs, placed_as,"
                        + " result_json, rejected_text FROM intake_claims WHERE source = ? AND claim_key = ?",
                List.of(source, claimKey), r -> new RejectedUnit(intakeRecord(r), r.getString("rejected_text"))));
        return rows.stream().findFirst();
    }

    /**
     * Units taken and forwards per interval of {@code step}, from {@code from} for {@code count} intervals. Counted
     * in the database, grouped by the interval number (seconds since {@code from} over the step), so the answer stays
     * small however many units came in; EXTRACT(EPOCH ...) reads alike on H2 and PostgreSQL.
     */
    Timeline timeline(Instant from, Duration step, int count) {
        long fromSecond = from.getEpochSecond();
        long stepSeconds = step.toSeconds();
        Instant to = from.plus(step.multipliedBy(count));
        long[][] counts = new long[count][3];
        transactions.inTransaction("read timeline", c -> {
            String slot = "FLOOR((EXTRACT(EPOCH FROM %s) - " + fromSecond + ") / " + stepSeconds + ")";
            query(c, "SELECT slot, disposition, COUNT(*) FROM (SELECT " + slot.formatted("claimed_at")
                    + " AS slot, disposition FROM intake_claims WHERE claimed_at >= ? AND claimed_at < ?) t"
                    + " GROUP BY slot, disposition", List.of(from, to), r -> {
                        int i = (int) r.getLong(1);
                        if (i >= 0 && i < count) {
                            counts[i][Disposition.fromColumn(r.getString(2)) == Disposition.DONE ? 0 : 1] += r.getLong(3);
                        }
                        return null;
                    });
            query(c, "SELECT slot, COUNT(*) FROM (SELECT " + slot.formatted("occurred_at") + " AS slot FROM job_events"
                    + " WHERE event_type = ? AND occurred_at >= ? AND occurred_at < ?) t GROUP BY slot",
                    List.of(EventType.FORWARDED.toString(), from, to), r -> {
                        int i = (int) r.getLong(1);
                        if (i >= 0 && i < count) {
                            counts[i][2] += r.getLong(2);
                        }
                        return null;
                    });
            return null;
        });
        List<Timeline.Interval> intervals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            intervals.add(new Timeline.Interval(from.plus(step.multipliedBy(i)), counts[i][0], counts[i][1],
                    counts[i][2]));
        }
        return new Timeline(from, step, List.copyOf(intervals));
    }

    LedgerStats stats() {
        return transactions.inTransaction("read stats", c -> {
            Map<String, Long> files = new LinkedHashMap<>(Map.of("accepted", 0L, "rejected", 0L));
            for (Object[] row : query(c, "SELECT disposition, COUNT(*) FROM intake_claims GROUP BY disposition",
                    List.of(), r -> new Object[]{r.getString(1), r.getLong(2)})) {
                files.put(Disposition.fromColumn((String) row[0]) == Disposition.DONE ? "accepted" : "rejected",
                        (Long) row[1]);
            }
            Map<String, Long> delivery = new LinkedHashMap<>();
            for (DeliveryState state : DeliveryState.values()) {
                delivery.put(state.wireName(), 0L);
            }
            for (Object[] row : query(c, "SELECT delivery, COUNT(*) FROM jobs GROUP BY delivery", List.of(),
                    r -> new Object[]{r.getString(1), r.getLong(2)})) {
                delivery.put((String) row[0], (Long) row[1]);
            }
            Instant now = clock.get();
            Map<String, Long> outbox = new LinkedHashMap<>();
            Instant[] oldest = new Instant[1];
            query(c, "SELECT COUNT(CASE WHEN lease_until > ? THEN 1 END),"
                    + " COUNT(CASE WHEN (lease_until IS NULL OR lease_until <= ?) AND failures > 0 THEN 1 END),"
                    + " COUNT(*), MIN(queued_at) AS oldest FROM outbox", List.of(now, now), r -> {
                        long sending = r.getLong(1);
                        long retrying = r.getLong(2);
                        outbox.put("pending", r.getLong(3) - sending - retrying);
                        outbox.put("retrying", retrying);
                        outbox.put("sending", sending);
                        oldest[0] = DbTime.get(r, "oldest");
                        return null;
                    });
            return new LedgerStats(files, delivery, outbox, oldest[0], delivery.get(DeliveryState.DEAD.wireName()));
        });
    }

    private static IntakeRecord intakeRecord(ResultSet r) throws SQLException {
        return new IntakeRecord(r.getString("source"), r.getString("claim_key"), r.getString("source_name"),
                DbTime.get(r, "claimed_at"), Disposition.fromColumn(r.getString("disposition")),
                r.getString("report"), r.getString("jobs"), r.getString("placed_as"),
                r.getString("result_json"));
    }

    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private static <T> List<T> query(Connection c, String sql, List<Object> args, Row<T> row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof Instant instant) {
                    DbTime.set(s, i + 1, instant);
                } else {
                    s.setObject(i + 1, arg);
                }
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(row.read(r));
                }
            }
            return rows;
        }
    }
}
