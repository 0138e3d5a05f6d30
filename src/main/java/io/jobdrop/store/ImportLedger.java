package io.jobdrop.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled imports' part of the ledger (V12): fires, claimed by inserting them before they run, and the
 * validators of URL imports. Each call is a short transaction of its own, outside the group commit: a fire is rare
 * next to the jobs it records, and its claim must be settled before anything is read or judged.
 */
public final class ImportLedger {

    /** How a fire came about: its schedule, a catch-up at start, or someone asking (CLI, API). */
    public static final String SCHEDULED = "schedule";
    public static final String CATCH_UP = "catch-up";
    public static final String REQUESTED = "request";

    private static final String COLUMNS = "import_name, fire_time, run, trigger_kind, claimed_by, lease_until,"
            + " attempts, outcome, detail, jobs, accepted, rejected, created_at, finished_at";

    private final Transactions transactions;
    private final Clock clock;
    private final String instanceId;

    /** @param instanceId names this instance in {@code claimed_by} */
    public ImportLedger(DataSource dataSource, Clock clock, String instanceId) {
        this.transactions = new Transactions(dataSource);
        this.clock = clock;
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Claims a fire for this instance until {@code leaseUntil}: true when this insert made the row, false when the
     * fire was already there (another instance, or this one earlier, has it). The run counter is one more than the
     * import's highest so far.
     */
    public boolean claim(String importName, Instant fireTime, String trigger, Instant leaseUntil) {
        return insert(importName, fireTime, trigger, instanceId, leaseUntil);
    }

    /**
     * Asks for a fire at {@code fireTime} without running it: the row is inserted unclaimed with its lease already
     * passed, so the next poll of any running instance serving the import takes it. False when that fire exists.
     */
    public boolean request(String importName, Instant fireTime) {
        return insert(importName, fireTime, REQUESTED, null, now());
    }

    private boolean insert(String importName, Instant fireTime, String trigger, String owner, Instant leaseUntil) {
        Instant fire = DbTime.storable(fireTime);
        try {
            return transactions.inTransaction("claim fire " + importName + "@" + fire, c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO import_fires (import_name, fire_time,"
                        + " run, trigger_kind, claimed_by, lease_until, attempts, accepted, rejected, created_at)"
                        + " SELECT ?, ?, COALESCE(MAX(run), 0) + 1, ?, ?, ?, 0, 0, 0, ? FROM import_fires"
                        + " WHERE import_name = ?")) {
                    s.setString(1, importName);
                    DbTime.set(s, 2, fire);
                    s.setString(3, trigger);
                    s.setString(4, owner);
                    DbTime.set(s, 5, DbTime.storable(leaseUntil));
                    DbTime.set(s, 6, now());
                    s.setString(7, importName);
                    s.executeUpdate();
                }
                return true;
            });
        } catch (LedgerException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Unfinished fires of these imports whose lease has passed (crashed owner, retry due, requested), oldest first.
     * Only the imports an instance serves: instances with other imports share the ledger, and their fires must not
     * fill the limit.
     */
    public List<ImportFire> due(Collection<String> importNames, int limit) {
        if (importNames.isEmpty()) {
            return List.of();
        }
        List<String> names = List.copyOf(importNames);
        String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
        return transactions.inTransaction("list due fires", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM import_fires"
                    + " WHERE outcome IS NULL AND lease_until <= ? AND import_name IN (" + marks + ")"
                    + " ORDER BY lease_until, fire_time")) {
                DbTime.set(s, 1, now());
                for (int i = 0; i < names.size(); i++) {
                    s.setString(i + 2, names.get(i));
                }
                s.setMaxRows(limit);
                return list(s);
            }
        });
    }

    /** Takes over an unfinished fire whose lease has passed; empty when another instance was quicker. */
    public Optional<ImportFire> takeOver(String importName, Instant fireTime, Instant leaseUntil) {
        return transactions.inTransaction("take over fire " + importName + "@" + fireTime, c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE import_fires SET claimed_by = ?, lease_until = ?"
                    + " WHERE import_name = ? AND fire_time = ? AND outcome IS NULL AND lease_until <= ?")) {
                s.setString(1, instanceId);
                DbTime.set(s, 2, DbTime.storable(leaseUntil));
                s.setString(3, importName);
                DbTime.set(s, 4, fireTime);
                DbTime.set(s, 5, now());
                updated = s.executeUpdate();
            }
            return updated == 1 ? find(c, importName, fireTime) : Optional.<ImportFire>empty();
        });
    }

    public Optional<ImportFire> fire(String importName, Instant fireTime) {
        return transactions.inTransaction("read fire " + importName, c -> find(c, importName, DbTime.storable(fireTime)));
    }

    /**
     * A failed attempt (source unreachable): counted, its error kept as the detail, and the fire left unfinished until
     * {@code retryAt}, when any instance's poll may try it again. False when this instance no longer holds the fire.
     */
    public boolean retryLater(String importName, Instant fireTime, Instant retryAt, String detail) {
        return transactions.inTransaction("defer fire " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE import_fires SET attempts = attempts + 1,"
                    + " lease_until = ?, detail = ? WHERE import_name = ? AND fire_time = ? AND outcome IS NULL"
                    + " AND claimed_by = ?")) {
                DbTime.set(s, 1, DbTime.storable(retryAt));
                s.setString(2, detail);
                s.setString(3, importName);
                DbTime.set(s, 4, fireTime);
                s.setString(5, instanceId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Ends a fire this instance holds. False when it no longer holds it (its lease passed and another took it). */
    public boolean finish(String importName, Instant fireTime, String outcome, String detail, String jobs,
                          int accepted, int rejected) {
        return transactions.inTransaction("finish fire " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE import_fires SET outcome = ?, detail = ?, jobs = ?,"
                    + " accepted = ?, rejected = ?, finished_at = ?, attempts = attempts + 1"
                    + " WHERE import_name = ? AND fire_time = ? AND outcome IS NULL AND claimed_by = ?")) {
                s.setString(1, outcome);
                s.setString(2, detail);
                s.setString(3, jobs);
                s.setInt(4, accepted);
                s.setInt(5, rejected);
                DbTime.set(s, 6, now());
                s.setString(7, importName);
                DbTime.set(s, 8, fireTime);
                s.setString(9, instanceId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The import's newest fires, newest first. */
    public List<ImportFire> fires(String importName, int limit) {
        return transactions.inTransaction("list fires of " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM import_fires"
                    + " WHERE import_name = ? ORDER BY fire_time DESC")) {
                s.setString(1, importName);
                s.setMaxRows(limit);
                return list(s);
            }
        });
    }

    /**
     * The import's newest fire that has been tried (finished, or waiting for a retry after its source could not be
     * read): what any instance reports as the import's state, whichever instance ran it.
     */
    public Optional<ImportFire> lastTried(String importName) {
        return transactions.inTransaction("read the last tried fire of " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM import_fires"
                    + " WHERE import_name = ? AND attempts > 0 ORDER BY fire_time DESC")) {
                s.setString(1, importName);
                s.setMaxRows(1);
                return list(s).stream().findFirst();
            }
        });
    }

    /**
     * The fire time of the import's newest fire on its schedule (a tick or a catch-up) before {@code before},
     * whatever became of it; fires
     * someone asked for are left out, since they say nothing about which scheduled fires were missed.
     */
    public Optional<Instant> lastScheduledFireTime(String importName, Instant before) {
        return transactions.inTransaction("read last fire of " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(fire_time) AS last FROM import_fires"
                    + " WHERE import_name = ? AND trigger_kind <> ? AND fire_time < ?")) {
                s.setString(1, importName);
                s.setString(2, REQUESTED);
                DbTime.set(s, 3, DbTime.storable(before));
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(DbTime.get(r, "last")) : Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * The jobs an intake unit of an import recorded when it was first taken ({@code [{id,namespace,name,version,
     * change}]}), for a fire run again after being cut short: its units are already recorded and change nothing now,
     * but the fire's result still lists them. Empty for a unit not recorded or recorded as rejected.
     */
    public Optional<String> recordedJobs(String source, String claimKey) {
        return transactions.inTransaction("read the claim " + source + " " + claimKey, c -> Optional.ofNullable(
                ClaimTable.recorded(c, source, List.of(claimKey)).get(claimKey)).map(RecordedClaim::jobs));
    }

    public ImportValidators validators(String importName, String url) {
        return transactions.inTransaction("read validators of " + importName, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT etag, last_modified, body_sha256 FROM import_sources"
                    + " WHERE import_name = ? AND url = ?")) {
                s.setString(1, importName);
                s.setString(2, url);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? new ImportValidators(r.getString(1), r.getString(2), r.getString(3))
                            : ImportValidators.NONE;
                }
            }
        });
    }

    /** Keeps what the URL answered; called once the body's jobs are recorded, so a crash before asks again. */
    public void saveValidators(String importName, String url, ImportValidators seen) {
        transactions.inTransaction("keep validators of " + importName, c -> {
            int updated;
            try (PreparedStatement s = c.prepareStatement("UPDATE import_sources SET etag = ?, last_modified = ?,"
                    + " body_sha256 = ?, seen_at = ? WHERE import_name = ? AND url = ?")) {
                bindValidators(s, seen);
                s.setString(5, importName);
                s.setString(6, url);
                updated = s.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO import_sources (etag, last_modified,"
                        + " body_sha256, seen_at, import_name, url) VALUES (?, ?, ?, ?, ?, ?)")) {
                    bindValidators(s, seen);
                    s.setString(5, importName);
                    s.setString(6, url);
                    s.executeUpdate();
                }
            }
            return null;
        });
    }

    private void bindValidators(PreparedStatement s, ImportValidators seen) throws SQLException {
        s.setString(1, seen.etag());
        s.setString(2, seen.lastModified());
        s.setString(3, seen.bodySha256());
        DbTime.set(s, 4, now());
    }

    private Optional<ImportFire> find(Connection c, String importName, Instant fireTime) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM import_fires"
                + " WHERE import_name = ? AND fire_time = ?")) {
            s.setString(1, importName);
            DbTime.set(s, 2, fireTime);
            return list(s).stream().findFirst();
        }
    }

    private static List<ImportFire> list(PreparedStatement s) throws SQLException {
        List<ImportFire> fires = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                fires.add(new ImportFire(r.getString("import_name"), DbTime.get(r, "fire_time"), r.getLong("run"),
                        r.getString("trigger_kind"), r.getString("claimed_by"), DbTime.get(r, "lease_until"),
                        r.getInt("attempts"), r.getString("outcome"), r.getString("detail"), r.getString("jobs"),
                        r.getInt("accepted"), r.getInt("rejected"), DbTime.get(r, "created_at"),
                        DbTime.get(r, "finished_at")));
            }
        }
        return fires;
    }

    private Instant now() {
        return DbTime.storable(clock.instant());
    }
}
