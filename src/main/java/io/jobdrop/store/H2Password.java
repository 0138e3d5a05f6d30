package io.jobdrop.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The password of an embedded H2 ledger that was given none: generated once, kept beside the database in
 * {@code <name>.password} (owner read/write only), and read by every process that opens that database ({@code run},
 * {@code jobs}, {@code show}, {@code replay}). H2's AUTO_SERVER port would otherwise take {@code sa} without a
 * password. A ledger created without a password (jobdrop before this file existed) gets it set on its next open.
 */
final class H2Password {

    /** H2's "Wrong user name or password". */
    private static final int WRONG_PASSWORD = 28000;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private H2Password() {
    }

    /** The password file of a database at {@code databasePath} (H2's path, without {@code .mv.db}). */
    static Path fileFor(Path databasePath) {
        return databasePath.resolveSibling(databasePath.getFileName() + ".password");
    }

    /**
     * The database's password: read from its file, or generated into a new one. An existing database that still has
     * no password is given this one.
     *
     * @param jdbcUrl the URL as the pool will open it
     */
    static String forDatabase(String jdbcUrl, Path databasePath, String user) {
        Path file = fileFor(databasePath);
        String password = readOrCreate(file);
        if (Files.exists(databasePath.resolveSibling(databasePath.getFileName() + ".mv.db"))) {
            setIfStillEmpty(jdbcUrl, user, password, file);
        }
        return password;
    }

    private static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new LedgerException("the ledger's password file " + file + " is empty; delete it only together"
                        + " with a ledger that has no password yet, or set jobdrop.db.password");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the ledger's password file " + file, e);
        }
    }

    /** Written under a temporary name and linked into place, so a concurrent start never reads half a file. */
    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path temp = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temp, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException anotherProcessWasFirst) {
            // its password is the one
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setIfStillEmpty(String jdbcUrl, String user, String password, Path file) {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, user, password)) {
            return;
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_PASSWORD) {
                return; // the pool reports what is wrong, in its own words
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement s = c.createStatement()) {
            s.execute("ALTER USER \"" + user.toUpperCase(Locale.ROOT).replace("\"", "\"\"") + "\" SET PASSWORD '"
                    + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new LedgerException("the ledger refuses the password in " + file + " (and an empty one): set "
                    + "jobdrop.db.password to the ledger's password", e);
        }
    }
}
