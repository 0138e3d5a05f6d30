package io.jobdrop.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Compacts an embedded H2 ledger file. jobdrop's H2 commits reach the file at once ({@code WRITE_DELAY=0}), and H2
 * then runs none of its background housekeeping: the file keeps the space of every page a later commit replaced. A
 * burst of 30,000 files left a 591 MB file; {@code SHUTDOWN COMPACT} made it 79 MB in 2 s. Compacting needs the database to itself, so it runs before {@code run} opens the ledger
 * (when {@link #occupancy} finds it wasteful) or from {@code jobdrop compact}; a ledger another process holds is left
 * as it is. Neither may run while this process has the ledger open: H2 would shut that database down.
 */
public final class LedgerCompaction {

    /** H2's DATABASE_ALREADY_OPEN_1: another process holds the file. */
    private static final int IN_USE = 90020;
    /** H2's DATABASE_NOT_FOUND_WITH_IF_EXISTS_1. */
    private static final int NOT_FOUND = 90146;

    /** A compaction done: the file's size before and after, and how long it took. */
    public record Result(long bytesBefore, long bytesAfter, Duration took) {

        public String describe() {
            return megabytes(bytesBefore) + " -> " + megabytes(bytesAfter) + " in "
                    + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
        }
    }

    /** The ledger's file: its size, and the share of its chunks that is live data (H2's own figure, percent). */
    public record Occupancy(long fileBytes, int livePercent) {

        /** Less than half of the file is live: compacting would more than halve it. */
        public boolean wasteful() {
            return livePercent < 50;
        }

        public String describe() {
            return megabytes(fileBytes) + ", " + livePercent + "% of it live";
        }
    }

    private LedgerCompaction() {
    }

    /**
     * How large the ledger's file is and how much of it is live, without changing anything; empty when the ledger is
     * no H2 file, has no file yet, its file is smaller than {@code minBytes}, or another process holds it.
     *
     * @throws LedgerException when the ledger cannot be opened
     */
    public static Optional<Occupancy> occupancy(String url, String user, String password, long minBytes) {
        Path file = file(url).orElse(null);
        if (file == null || !Files.exists(file) || size(file) < minBytes) {
            return Optional.empty();
        }
        return open(url, user, password, statement -> new Occupancy(size(file), liveChunkPercent(statement)));
    }

    /**
     * Compacts the ledger. H2 writes the compacted copy beside the file and then swaps them, so the ledger's volume
     * needs room for the live data; a volume that lacks it is not tried (a copy that fills the disk would leave
     * jobdrop no room to write).
     *
     * @throws LedgerException when it is not an H2 file, does not exist, another process holds it, its volume lacks
     *                         room for the copy, or compacting fails; the ledger is then as it was
     */
    public static Result compact(String url, String user, String password) {
        return compact(url, user, password, true);
    }

    /** As {@link #compact(String, String, String)}; {@code checkRoom} false goes ahead on a volume that looks full. */
    static Result compact(String url, String user, String password, boolean checkRoom) {
        Path file = file(url).orElse(null);
        if (file == null) {
            throw new LedgerException("only an embedded H2 ledger (jdbc:h2:file:...) is compacted by jobdrop;"
                    + " PostgreSQL reclaims space with its autovacuum");
        }
        if (!Files.exists(file)) {
            throw new LedgerException("there is no ledger at " + file);
        }
        long before = size(file);
        long start = System.nanoTime();
        open(url, user, password, statement -> {
            if (checkRoom) {
                ensureRoom(file, before * liveChunkPercent(statement) / 100);
            }
            return statement.execute("SHUTDOWN COMPACT");
        }).orElseThrow(() -> new LedgerException("the ledger " + file + " is in use by another process"
                + " (a running jobdrop?): stop it first"));
        // when the copy cannot be written H2 keeps the ledger as it was and says nothing, but may leave the part it
        // wrote beside it (it deletes that when it next opens the ledger; `jobdrop compact` does not open it again)
        Path copy = file.resolveSibling(file.getFileName() + ".tempFile");
        long after = size(file);
        if (Files.exists(copy) || (after >= before && room(file) < (1 << 20))) {
            delete(copy);
            throw new LedgerException("compacting the ledger " + file + " failed, most likely for lack of space on its"
                    + " volume; the ledger is as it was");
        }
        return new Result(before, after, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The copy holds the live data: a volume with less room than that plus a megabyte is not tried. */
    private static void ensureRoom(Path file, long liveBytes) {
        long needed = liveBytes + (1 << 20);
        long room = room(file);
        if (room < needed) {
            throw new LedgerException("compacting the ledger " + file + " needs about " + megabytes(needed)
                    + " free on its volume for the compacted copy, and " + megabytes(room) + " is free;"
                    + " the ledger is left as it is");
        }
    }

    /** The free space on the file's volume (as much as is needed when it cannot be told). */
    private static long room(Path file) {
        try {
            return Files.getFileStore(file).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new LedgerException("cannot delete the partial compacted copy " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Work<T> {
        T run(Statement statement) throws SQLException;
    }

    /** Runs the work on the database opened by this process alone; empty when another process holds it. */
    private static <T> Optional<T> open(String url, String user, String password, Work<T> work) {
        Path file = file(url).orElse(null);
        // embedded and exclusive: through AUTO_SERVER, SHUTDOWN COMPACT would shut down the process serving the file
        String jdbcUrl = H2Urls.exclusive(url);
        String secret = password == null || password.isEmpty()
                ? H2Password.forDatabase(jdbcUrl, H2Urls.databasePath(url), user) : password;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, secret);
             Statement statement = connection.createStatement()) {
            return Optional.of(work.run(statement));
        } catch (SQLException e) {
            if (e.getErrorCode() == IN_USE) {
                return Optional.empty();
            }
            if (e.getErrorCode() == NOT_FOUND) {
                throw new LedgerException("there is no ledger at " + file, e);
            }
            throw new LedgerException("cannot compact the ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** The share of the file's chunks that is live data, in percent (H2's own figure). */
    private static int liveChunkPercent(Statement statement) throws SQLException {
        try (ResultSet r = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'")) {
            return r.next() ? Integer.parseInt(r.getString(1).strip()) : 100;
        }
    }

    /** The file of an embedded H2 ledger ({@code <name>.mv.db}); empty for other databases. */
    public static Optional<Path> file(String url) {
        Path path = H2Urls.databasePath(url);
        return path == null ? Optional.empty() : Optional.of(path.resolveSibling(path.getFileName() + ".mv.db"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        return String.format(Locale.ROOT, mb < 10 ? "%.1f MB" : "%.0f MB", mb);
    }
}
