package io.jobdrop.cluster;

import io.jobdrop.store.LedgerException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The leases table (V14): take, renew and give up a named lease. Every comparison uses the database's clock
 * (CURRENT_TIMESTAMP), never an instance's own, so instances on machines whose clocks drift still agree on who leads.
 * Taking and renewing are the same conditional UPDATE: it succeeds when the row is free, expired or already ours, and
 * the row lock makes two instances that try at once take turns, so one of them wins. Every statement has a query
 * timeout of a third of the lease: a ledger that hangs must fail a renewal in time for its holder to stop leading
 * before its lease has ended, not block it past the end.
 */
public final class LeaseTable {

    private static final String CREATE = "INSERT INTO leases (name, holder, lease_until, epoch)"
            + " SELECT ?, NULL, CURRENT_TIMESTAMP, 0 FROM (VALUES (1)) one WHERE NOT EXISTS"
            + " (SELECT 1 FROM leases WHERE name = ?)";
    // SET sees the old row: the epoch grows only when the lease changes hands or lapsed
    private static final String TAKE = "UPDATE leases SET"
            + " epoch = CASE WHEN holder = ? AND lease_until > CURRENT_TIMESTAMP THEN epoch ELSE epoch + 1 END,"
            + " holder = ?, lease_until = CURRENT_TIMESTAMP + CAST(? AS DOUBLE PRECISION) * INTERVAL '1' SECOND,"
            + " backlog = ?, backlog_until = CURRENT_TIMESTAMP + CAST(? AS DOUBLE PRECISION) * INTERVAL '1' SECOND"
            + " WHERE name = ? AND (holder = ? OR holder IS NULL OR lease_until <= CURRENT_TIMESTAMP)";
    // a backlog counts while the lease it was reported with lasts (see V19): not one a holder left behind
    private static final String READ = "SELECT name, holder, epoch, lease_until, CURRENT_TIMESTAMP AS db_now,"
            + " CASE WHEN backlog_until > CURRENT_TIMESTAMP THEN backlog ELSE 0 END AS backlog,"
            + " CASE WHEN lease_until > CURRENT_TIMESTAMP THEN 1 ELSE 0 END AS live FROM leases";
    private static final String GIVE_UP = "UPDATE leases SET holder = NULL, lease_until = CURRENT_TIMESTAMP"
            + " WHERE name = ? AND holder = ?";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final int timeoutSeconds;

    /** @param lease how long the leases last: a statement taking longer than a third of it is cancelled */
    public LeaseTable(DataSource dataSource, Duration lease) {
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, lease.toMillis() / 3000);
    }

    /** Makes the row of {@code name} unless it is there: once, before the lease is first taken. */
    public void create(String name) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement create = prepare(connection, CREATE)) {
            connection.setAutoCommit(true);
            create.setString(1, name);
            create.setString(2, name);
            create.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) { // another instance made the row first: fine
                throw new LedgerException("cannot make the lease " + name, e);
            }
        }
    }

    /** Takes or renews {@code name} for {@code holder} for {@code length}, reporting no backlog. */
    public Lease take(String name, String holder, Duration length) {
        return take(name, holder, length, 0);
    }

    /**
     * Takes or renews {@code name} (made by {@link #create}) for {@code holder} for {@code length}; when it does, the
     * row carries {@code backlog}, what is waiting in the intake the holder leads, for the other instances to see.
     */
    public Lease take(String name, String holder, Duration length, long backlog) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement take = prepare(connection, TAKE)) {
                take.setString(1, holder);
                take.setString(2, holder);
                take.setDouble(3, length.toMillis() / 1000.0);
                take.setLong(4, backlog);
                take.setDouble(5, length.toMillis() / 1000.0);
                take.setString(6, name);
                take.setString(7, holder);
                take.executeUpdate();
            }
            return read(connection, name, holder).orElseThrow(() -> new IllegalStateException(
                    "lease " + name + " vanished from the leases table"));
        } catch (SQLException e) {
            throw new LedgerException("cannot take the lease " + name, e);
        }
    }

    /** Ends {@code holder}'s lease now, so another instance need not wait for it to expire. */
    public void giveUp(String name, String holder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement giveUp = prepare(connection, GIVE_UP)) {
            connection.setAutoCommit(true);
            giveUp.setString(1, name);
            giveUp.setString(2, holder);
            giveUp.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("cannot give up the lease " + name, e);
        }
    }

    /** Every lease, as {@code asker} sees them. */
    public List<Lease> all(String asker) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = prepare(connection, READ + " ORDER BY name");
             ResultSet rows = read.executeQuery()) {
            List<Lease> leases = new ArrayList<>();
            while (rows.next()) {
                leases.add(lease(rows, asker));
            }
            return leases;
        } catch (SQLException e) {
            throw new LedgerException("cannot read the leases", e);
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setQueryTimeout(timeoutSeconds);
        return statement;
    }

    private Optional<Lease> read(Connection connection, String name, String asker) throws SQLException {
        try (PreparedStatement read = prepare(connection, READ + " WHERE name = ?")) {
            read.setString(1, name);
            try (ResultSet rows = read.executeQuery()) {
                return rows.next() ? Optional.of(lease(rows, asker)) : Optional.empty();
            }
        }
    }

    private static Lease lease(ResultSet row, String asker) throws SQLException {
        boolean live = row.getInt("live") == 1;
        Optional<String> holder = live ? Optional.ofNullable(row.getString("holder")) : Optional.empty();
        Instant until = row.getObject("lease_until", OffsetDateTime.class).toInstant();
        Duration left = live ? Duration.between(row.getObject("db_now", OffsetDateTime.class).toInstant(), until)
                : Duration.ZERO;
        return new Lease(row.getString("name"), holder, row.getLong("epoch"), until,
                left.isNegative() ? Duration.ZERO : left, holder.filter(asker::equals).isPresent(),
                live ? row.getLong("backlog") : 0);
    }
}
