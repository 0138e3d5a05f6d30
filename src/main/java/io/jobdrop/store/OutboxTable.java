package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code outbox} table: the versions still to be sent, when they are due, and who is sending them now. */
final class OutboxTable {

    /** outbox.request values (V10): a rerun, and its fallback, a forced submission. */
    static final String RERUN = "rerun";
    static final String FORCE = "force";

    private OutboxTable() {
    }

    /** Queues a rerun of the delivered {@code version}, due now. The caller holds the job's row lock. */
    static void enqueueRerun(Connection c, String jobId, long version, Instant now) throws SQLException {
        enqueue(c, jobId, version, now);
        setRequest(c, jobId, RERUN);
    }

    /** Changes what the row asks of the orchestrator, due now, lease given back (the rerun fallback). */
    static void setRequest(Connection c, String jobId, String request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET request = ? WHERE job_seq = "
                + JobTable.SEQ_OF_ID)) {
            s.setString(1, request);
            s.setString(2, jobId);
            s.executeUpdate();
        }
    }

    /**
     * Queues {@code version} to be sent now, replacing an older queued version of the job. A lease on the row stays:
     * the instance sending the older version clears it when it reports. The caller holds the job's row lock, so no
     * other transaction inserts the same row meanwhile.
     */
    static void enqueue(Connection c, String jobId, long version, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET version = ?, failures = 0, queued_at = ?,"
                + " next_attempt_at = ?, request = NULL WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setLong(1, version);
            DbTime.set(s, 2, now);
            DbTime.set(s, 3, now);
            s.setString(4, jobId);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        insert(c, jobId, version, now);
    }

    /** Queues the first version of a new job, due now. */
    static void insert(Connection c, String jobId, long version, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (job_id, job_seq, version, failures,"
                + " queued_at, next_attempt_at) VALUES (?, " + JobTable.SEQ_OF_ID + ", ?, 0, ?, ?)")) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            s.setLong(3, version);
            DbTime.set(s, 4, now);
            DbTime.set(s, 5, now);
            s.executeUpdate();
        }
    }

    /** Due rows nobody holds a lease on, oldest due first: the outbox_due_idx index read in order, up to a limit. */
    static final String DUE = "SELECT job_seq FROM outbox WHERE next_attempt_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, job_id LIMIT ?";

    /**
     * Due rows nobody holds a lease on, oldest due first, row-locked. SKIP LOCKED makes concurrent claimers pass over
     * each other's rows instead of waiting. PostgreSQL does it in one query. On H2 a locking read sorts every due row
     * before the limit (a claim took seconds with 20,000 jobs queued), so H2 reads the due rows unlocked, in index
     * order, and then locks those by primary key, skipping the locked ones. {@link #lease} re-checks the condition
     * under the locks either way.
     *
     * @return the jobs' numbers ({@code job_seq}) of the rows locked, in due order
     */
    static List<Long> lockDue(Connection c, Instant now, int max) throws SQLException {
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return candidates(c, DUE + " FOR UPDATE SKIP LOCKED", now, max);
        }
        List<Long> due = candidates(c, DUE, now, max);
        if (due.isEmpty()) {
            return due;
        }
        Set<Long> locked = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT job_seq FROM outbox WHERE job_seq IN ("
                + marks(due.size()) + ") FOR UPDATE SKIP LOCKED")) {
            for (int i = 0; i < due.size(); i++) {
                s.setLong(i + 1, due.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    locked.add(r.getLong(1));
                }
            }
        }
        return due.stream().filter(locked::contains).toList();
    }

    private static List<Long> candidates(Connection c, String sql, Instant now, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            DbTime.set(s, 1, now);
            DbTime.set(s, 2, now);
            s.setInt(3, max);
            List<Long> candidates = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    candidates.add(r.getLong("job_seq"));
                }
            }
            return candidates;
        }
    }

    /** How many rows one statement names at most: a statement's parameters are bounded (PostgreSQL: 65,535). */
    private static final int SLICE = 500;

    /**
     * Leases the locked candidates that are still free and returns them with the submission of the version each holds
     * now, in due order. The candidates are row-locked by {@link #lockDue}, so which of them are free is read once,
     * under those locks, whatever the database's locking read re-checked: a row another claimer leased after the
     * candidate query read it is not taken twice. Two statements per slice of candidates, not two per row.
     */
    static List<OutboxItem> lease(Connection c, List<Long> locked, Instant now, Instant until, String owner)
            throws SQLException {
        List<OutboxItem> leased = new ArrayList<>();
        for (int from = 0; from < locked.size(); from += SLICE) {
            List<Long> slice = locked.subList(from, Math.min(locked.size(), from + SLICE));
            Map<Long, OutboxItem> free = freeItems(c, slice, now);
            if (!free.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET lease_until = ?, lease_owner = ?"
                        + " WHERE job_seq IN (" + marks(free.size()) + ")")) {
                    DbTime.set(s, 1, until);
                    s.setString(2, owner);
                    int i = 3;
                    for (long seq : free.keySet()) {
                        s.setLong(i++, seq);
                    }
                    s.executeUpdate();
                }
                leased.addAll(free.values());
            }
        }
        return leased;
    }

    /** The candidates' rows that are due and unleased, by job number in due order, with the version each holds. */
    private static Map<Long, OutboxItem> freeItems(Connection c, List<Long> candidates, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT o.job_seq, o.job_id, o.version, o.failures, o.queued_at,"
                + " o.request, j.orchestrator_job_id, j.namespace, j.name, v.spec_json FROM outbox o"
                + " JOIN jobs j ON j.seq = o.job_seq"
                + " JOIN job_versions v ON v.job_seq = o.job_seq AND v.version = o.version"
                + " WHERE o.job_seq IN (" + marks(candidates.size()) + ") AND o.next_attempt_at <= ?"
                + " AND (o.lease_until IS NULL OR o.lease_until < ?) ORDER BY o.next_attempt_at, o.job_id")) {
            int n = candidates.size();
            for (int i = 0; i < n; i++) {
                s.setLong(i + 1, candidates.get(i));
            }
            DbTime.set(s, n + 1, now);
            DbTime.set(s, n + 2, now);
            Map<Long, OutboxItem> items = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    items.put(r.getLong("job_seq"), item(r));
                }
            }
            return items;
        }
    }

    private static OutboxItem item(ResultSet r) throws SQLException {
        String request = r.getString("request");
        return new OutboxItem(r.getString("job_id"), r.getString("namespace"), r.getString("name"),
                r.getLong("version"), r.getString("spec_json"), r.getInt("failures"), DbTime.get(r, "queued_at"),
                request, request == null ? null
                        // a rerun names the job the orchestrator has: by its ID, or by Name without one
                        : r.getString("orchestrator_job_id") != null ? r.getString("orchestrator_job_id")
                        : r.getString("name"));
    }

    private static String marks(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    /** The job's outbox row as an answer finds it: the version queued and when. */
    record Queued(long version, Instant queuedAt) {

        /**
         * Whether this is still the row {@code item} was claimed from: same version, queued at the same time (a rerun
         * queues the delivered version again, so an answer to the earlier request is told apart by time).
         */
        boolean isOf(OutboxItem item) {
            return version == item.version() && item.queuedAt().equals(queuedAt);
        }
    }

    /** The job's outbox row, locked; empty when nothing is queued. */
    static Optional<Queued> lockQueued(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, queued_at FROM outbox WHERE job_seq = "
                + JobTable.SEQ_OF_ID + " FOR UPDATE")) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Queued(r.getLong(1), DbTime.get(r, "queued_at"))) : Optional.empty();
            }
        }
    }

    static void remove(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setString(1, jobId);
            s.executeUpdate();
        }
    }

    static void reschedule(Connection c, String jobId, int addedFailures, Instant notBefore, String refusedCredentials)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET failures = failures + ?, next_attempt_at = ?,"
                + " lease_until = NULL, lease_owner = NULL, refused_credentials = ? WHERE job_seq = "
                + JobTable.SEQ_OF_ID)) {
            s.setInt(1, addedFailures);
            DbTime.set(s, 2, notBefore);
            s.setString(3, refusedCredentials);
            s.setString(4, jobId);
            s.executeUpdate();
        }
    }

    /**
     * Rows paused because other credentials than {@code credentials} were refused become due at {@code now}.
     *
     * @return how many
     */
    static int resumeRefusedOtherThan(Connection c, String credentials, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET next_attempt_at = ?, refused_credentials = NULL"
                + " WHERE refused_credentials IS NOT NULL AND refused_credentials <> ? AND next_attempt_at > ?")) {
            DbTime.set(s, 1, now);
            s.setString(2, credentials);
            DbTime.set(s, 3, now);
            return s.executeUpdate();
        }
    }

    /**
     * Gives up this owner's lease, leaving the row due as it is. A lease another instance took after ours ran out is
     * left alone: that instance is sending the row now.
     */
    static void releaseLease(Connection c, String jobId, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET lease_until = NULL, lease_owner = NULL"
                + " WHERE job_seq = " + JobTable.SEQ_OF_ID + " AND lease_owner = ?")) {
            s.setString(1, jobId);
            s.setString(2, owner);
            s.executeUpdate();
        }
    }

    /** When the first row becomes claimable: its next attempt, or the end of its lease if that is later. */
    static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MIN(CASE WHEN lease_until > next_attempt_at"
                + " THEN lease_until ELSE next_attempt_at END) AS due FROM outbox");
             ResultSet r = s.executeQuery()) {
            r.next();
            return Optional.ofNullable(DbTime.get(r, "due"));
        }
    }

    static Optional<OutboxState> state(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, failures, queued_at, next_attempt_at,"
                + " lease_until, lease_owner FROM outbox WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setString(1, jobId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OutboxState(r.getLong("version"), r.getInt("failures"),
                        DbTime.get(r, "queued_at"), DbTime.get(r, "next_attempt_at"), DbTime.get(r, "lease_until"),
                        r.getString("lease_owner")));
            }
        }
    }
}
