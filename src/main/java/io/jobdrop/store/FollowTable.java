package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code follows} table: the delivered job versions still being followed, when each is next polled, and who polls
 * it now. Claimed like the outbox ({@link OutboxTable}): due rows under a lease that runs out by itself.
 */
final class FollowTable {

    private FollowTable() {
    }

    /**
     * Starts following {@code version} of the job, first poll at {@code firstPoll}; a row for an older version is
     * replaced (its lease too: the older version's answer is no longer wanted). The caller holds the job's row lock.
     */
    static void start(Connection c, String jobId, long version, String orchestratorRef, String namespace,
                      String jobType, Instant now, Instant firstPoll) throws SQLException {
        remove(c, jobId);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO follows (job_id, job_seq, version,"
                + " orchestrator_job_id, namespace, job_type, state, polls, failures, started_at, next_poll_at)"
                + " VALUES (?, " + JobTable.SEQ_OF_ID + ", ?, ?, ?, ?, 'Pending', 0, 0, ?, ?)")) {
            s.setString(1, jobId);
            s.setString(2, jobId);
            s.setLong(3, version);
            s.setString(4, orchestratorRef);
            s.setString(5, namespace);
            s.setString(6, jobType);
            DbTime.set(s, 7, now);
            DbTime.set(s, 8, firstPoll);
            s.executeUpdate();
        }
    }

    private static final String DUE = "SELECT job_seq FROM follows WHERE next_poll_at <= ?"
            + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_poll_at, job_id LIMIT ?";

    /**
     * Due, unleased rows, soonest first, row-locked; H2 locks by key after an unlocked read (see OutboxTable).
     *
     * @return the jobs' numbers ({@code job_seq})
     */
    static List<Long> lockDue(Connection c, Instant now, int max) throws SQLException {
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return due(c, DUE + " FOR UPDATE SKIP LOCKED", now, max);
        }
        List<Long> due = due(c, DUE, now, max);
        if (due.isEmpty()) {
            return due;
        }
        Set<Long> locked = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT job_seq FROM follows WHERE job_seq IN ("
                + "?, ".repeat(due.size() - 1) + "?) FOR UPDATE SKIP LOCKED")) {
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

    private static List<Long> due(Connection c, String sql, Instant now, int max) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            DbTime.set(s, 1, now);
            DbTime.set(s, 2, now);
            s.setInt(3, max);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    seqs.add(r.getLong(1));
                }
            }
            return seqs;
        }
    }

    /** Takes the lease if the row is still due and free (re-checked by the update itself). */
    static boolean lease(Connection c, long jobSeq, Instant now, Instant until, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE follows SET lease_until = ?, lease_owner = ?"
                + " WHERE job_seq = ? AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until < ?)")) {
            DbTime.set(s, 1, until);
            s.setString(2, owner);
            s.setLong(3, jobSeq);
            DbTime.set(s, 4, now);
            DbTime.set(s, 5, now);
            return s.executeUpdate() == 1;
        }
    }

    static Optional<FollowItem> item(Connection c, long jobSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT f.job_id, j.name, f.version, f.orchestrator_job_id,"
                + " f.namespace, f.job_type, f.state, f.polls, f.failures, f.started_at FROM follows f"
                + " JOIN jobs j ON j.seq = f.job_seq WHERE f.job_seq = ?")) {
            s.setLong(1, jobSeq);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FollowItem(r.getString("job_id"), r.getString("name"), r.getLong("version"),
                        r.getString("orchestrator_job_id"), r.getString("namespace"), r.getString("job_type"),
                        r.getString("state"), r.getInt("polls"), r.getInt("failures"),
                        DbTime.get(r, "started_at")));
            }
        }
    }

    /**
     * Locks the job's follow row and tells whether it is still the one {@code item} was claimed from: same version and
     * same start. A rerun keeps the version but starts following anew, so a poll claimed before it is told apart by
     * its start.
     */
    static boolean lockSame(Connection c, FollowItem item) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version, started_at FROM follows WHERE job_seq = "
                + JobTable.SEQ_OF_ID + " FOR UPDATE")) {
            s.setString(1, item.jobId());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getLong(1) == item.version()
                        && item.startedAt().equals(DbTime.get(r, "started_at"));
            }
        }
    }

    /** After an answer: the state seen, the next poll, the lease given back. */
    static void afterPoll(Connection c, String jobId, String state, Instant nextPoll) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE follows SET state = ?, polls = polls + 1, failures = 0,"
                + " next_poll_at = ?, lease_until = NULL, lease_owner = NULL WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setString(1, state);
            DbTime.set(s, 2, nextPoll);
            s.setString(3, jobId);
            s.executeUpdate();
        }
    }

    /** After a poll without a usable answer. */
    static void afterFailure(Connection c, String jobId, Instant notBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE follows SET failures = failures + 1, next_poll_at = ?,"
                + " lease_until = NULL, lease_owner = NULL WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            DbTime.set(s, 1, notBefore);
            s.setString(2, jobId);
            s.executeUpdate();
        }
    }

    static void remove(Connection c, String jobId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM follows WHERE job_seq = " + JobTable.SEQ_OF_ID)) {
            s.setString(1, jobId);
            s.executeUpdate();
        }
    }

    /** How many jobs are being followed. */
    static long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM follows"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
