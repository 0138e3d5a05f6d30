package io.jobdrop.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The {@code http_answers} table: one row per idempotency key, holding the first answer given under it. */
final class HttpAnswerTable {

    private HttpAnswerTable() {
    }

    /** The answer stored under the key since {@code notBefore}; an older one is deleted, as if it were not there. */
    static Optional<StoredAnswer> fresh(Connection c, String key, Instant notBefore) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT status, answer, created_at FROM http_answers WHERE idempotency_key = ?")) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                if (!DbTime.get(r, "created_at").isBefore(notBefore)) {
                    return Optional.of(new StoredAnswer(r.getInt("status"), r.getString("answer")));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM http_answers WHERE idempotency_key = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        }
        return Optional.empty();
    }

    /** Throws a unique violation when another transaction holds the key (it waits for that one to end first). */
    static void insert(Connection c, String key, StoredAnswer answer, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO http_answers (idempotency_key, status, answer, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setInt(2, answer.status());
            s.setString(3, answer.body());
            DbTime.set(s, 4, now);
            s.executeUpdate();
        }
    }
}
