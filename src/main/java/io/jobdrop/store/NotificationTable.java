package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code notifications} table (V11): the webhook outbox. */
final class NotificationTable {

    private static final String COLUMNS = "id, event_id, url, event_type, subject, payload, attempts, created_at";
    private static final String ENTRY_COLUMNS = "id, event_id, url, event_type, subject, attempts, created_at,"
            + " next_attempt_at, delivered_at, given_up_at, last_status, last_error";

    private NotificationTable() {
    }

    static void insert(Connection c, String id, String eventId, String url, String type, String subject,
                       String payload, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO notifications (id, event_id, url, event_type,"
                + " subject, payload, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, eventId);
            s.setString(3, url);
            s.setString(4, type);
            s.setString(5, subject);
            s.setString(6, payload);
            DbTime.set(s, 7, now);
            DbTime.set(s, 8, now);
            s.executeUpdate();
        }
    }

    /**
     * Due rows nobody holds a lease on, oldest due first. PostgreSQL skips rows another claimer has locked; on H2 the
     * read is unlocked. Either way {@link #lease} re-checks the condition in its update, so no row is taken twice.
     * Rows to the {@code pausedUrls} are left for later.
     */
    static List<String> due(Connection c, Instant now, int max, Set<String> pausedUrls) throws SQLException {
        String sql = "SELECT id FROM notifications WHERE next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)"
                + (pausedUrls.isEmpty() ? "" : " AND url NOT IN (" + "?, ".repeat(pausedUrls.size() - 1) + "?)")
                + " ORDER BY next_attempt_at, id LIMIT ?";
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            sql += " FOR UPDATE SKIP LOCKED";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            DbTime.set(s, 1, now);
            DbTime.set(s, 2, now);
            int i = 3;
            for (String url : pausedUrls) {
                s.setString(i++, url);
            }
            s.setInt(i, max);
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    static boolean lease(Connection c, String id, Instant now, Instant until, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE notifications SET lease_until = ?, lease_owner = ?"
                + " WHERE id = ? AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)")) {
            DbTime.set(s, 1, until);
            s.setString(2, owner);
            s.setString(3, id);
            DbTime.set(s, 4, now);
            DbTime.set(s, 5, now);
            return s.executeUpdate() == 1;
        }
    }

    static Notification read(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM notifications WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("notification " + id + " vanished while leased");
                }
                return new Notification(r.getString("id"), r.getString("event_id"), r.getString("url"),
                        r.getString("event_type"), r.getString("subject"), r.getString("payload"),
                        r.getInt("attempts"), DbTime.get(r, "created_at"));
            }
        }
    }

    /**
     * Settles or reschedules a row after an attempt. A delivery settles the row whoever holds the lease now (the
     * receiver has the event); a retry or a give-up applies only while this owner still holds it, since after the
     * lease ran out another instance is sending the row and decides for it.
     *
     * @return whether the row changed
     */
    static boolean record(Connection c, String id, String owner, NotificationOutcome outcome, Instant now)
            throws SQLException {
        String sql;
        if (outcome instanceof NotificationOutcome.Delivered) {
            sql = "UPDATE notifications SET attempts = attempts + 1, delivered_at = ?, given_up_at = NULL,"
                    + " next_attempt_at = NULL, lease_until = NULL, lease_owner = NULL, last_status = ?,"
                    + " last_error = ? WHERE id = ? AND delivered_at IS NULL";
        } else if (outcome instanceof NotificationOutcome.Retry) {
            sql = "UPDATE notifications SET attempts = attempts + 1, next_attempt_at = ?, lease_until = NULL,"
                    + " lease_owner = NULL, last_status = ?, last_error = ? WHERE id = ? AND lease_owner = ?"
                    + " AND next_attempt_at IS NOT NULL";
        } else {
            sql = "UPDATE notifications SET attempts = attempts + 1, given_up_at = ?, next_attempt_at = NULL,"
                    + " lease_until = NULL, lease_owner = NULL, last_status = ?, last_error = ? WHERE id = ?"
                    + " AND lease_owner = ? AND next_attempt_at IS NOT NULL";
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            DbTime.set(s, 1, outcome instanceof NotificationOutcome.Retry retry ? DbTime.storable(retry.notBefore())
                    : now);
            if (outcome.status() == null) {
                s.setNull(2, Types.INTEGER);
            } else {
                s.setInt(2, outcome.status());
            }
            s.setString(3, errorOf(outcome));
            s.setString(4, id);
            if (!(outcome instanceof NotificationOutcome.Delivered)) {
                s.setString(5, owner);
            }
            return s.executeUpdate() == 1;
        }
    }

    private static String errorOf(NotificationOutcome outcome) {
        if (outcome instanceof NotificationOutcome.Retry retry) {
            return retry.error();
        }
        return outcome instanceof NotificationOutcome.GivenUp givenUp ? givenUp.error() : null;
    }

    /** Each count reads its own index (V11's due index, V16's settled ones), not the whole table. */
    static NotificationCounts counts(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT"
                + " (SELECT COUNT(*) FROM notifications WHERE next_attempt_at IS NOT NULL) AS pending,"
                + " (SELECT COUNT(*) FROM notifications WHERE given_up_at IS NOT NULL) AS failed,"
                + " (SELECT COUNT(*) FROM notifications WHERE delivered_at IS NOT NULL) AS delivered");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new NotificationCounts(r.getLong("pending"), r.getLong("failed"), r.getLong("delivered"));
        }
    }

    /** Deletes the notifications delivered or given up before {@code settledBefore}; returns how many. */
    static int prune(Connection c, Instant settledBefore) throws SQLException {
        int deleted = 0;
        for (String column : new String[] {"delivered_at", "given_up_at"}) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM notifications WHERE " + column + " < ?")) {
                DbTime.set(s, 1, settledBefore);
                deleted += s.executeUpdate();
            }
        }
        return deleted;
    }

    /** @param state pending, failed or delivered; null lists all. The newest first. */
    static List<NotificationEntry> list(Connection c, String state, int limit) throws SQLException {
        String where = switch (state == null ? "" : state) {
            case "pending" -> " WHERE next_attempt_at IS NOT NULL";
            case "failed" -> " WHERE given_up_at IS NOT NULL";
            case "delivered" -> " WHERE delivered_at IS NOT NULL";
            case "" -> "";
            default -> throw new IllegalArgumentException("state must be pending, failed or delivered, was '"
                    + state + "'");
        };
        try (PreparedStatement s = c.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM notifications" + where
                + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<NotificationEntry> entries = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant delivered = DbTime.get(r, "delivered_at");
                    Instant givenUp = DbTime.get(r, "given_up_at");
                    String rowState = delivered != null ? "delivered" : givenUp != null ? "failed" : "pending";
                    int status = r.getInt("last_status");
                    Integer lastStatus = r.wasNull() ? null : status;
                    entries.add(new NotificationEntry(r.getString("id"), r.getString("event_id"), r.getString("url"),
                            r.getString("event_type"), r.getString("subject"), rowState, r.getInt("attempts"),
                            DbTime.get(r, "created_at"), DbTime.get(r, "next_attempt_at"),
                            delivered != null ? delivered : givenUp, lastStatus, r.getString("last_error")));
                }
            }
            return entries;
        }
    }
}
