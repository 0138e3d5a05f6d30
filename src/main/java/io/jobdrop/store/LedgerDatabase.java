package io.jobdrop.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.util.Map;

/** Opens the ledger database: a connection pool with the schema migrated to the current version. */
public final class LedgerDatabase {

    private static final String MIGRATIONS = "classpath:db/migration";
    /** The longest wait for a pooled connection; then the write fails and is tried again. */
    static final long CONNECTION_TIMEOUT_MS = 3_000;
    static final long VALIDATION_TIMEOUT_MS = 1_000;
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private LedgerDatabase() {
    }

    /**
     * Hikari pool + Flyway migrate. A plain {@code jdbc:h2:file:} URL gets {@code ;AUTO_SERVER=TRUE} added (unless it
     * already has AUTO_SERVER or is in-memory) so {@code jobdrop jobs/show/replay} can open it while
     * {@code jobdrop run} is running; that server listens on 127.0.0.1 only. An embedded file database opened without
     * a password gets the one kept in {@code <name>.password} beside it (generated on first use, see H2Password).
     * Several instances may open one PostgreSQL database at once: Flyway serialises
     * their migrations with a database lock.
     *
     * @throws LedgerException when the database cannot be reached or migrated; the pool is closed then
     */
    public static HikariDataSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        String jdbcUrl = H2Urls.withoutCompactionAtClose(H2Urls.withLargerPages(H2Urls.withStatementCache(
                H2Urls.withInlineDocuments(H2Urls.withDurableCommits(H2Urls.withAutoServer(url))))));
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        java.nio.file.Path h2File = H2Urls.databasePath(url);
        if (h2File != null) {
            // H2 reads it once, when its first class loads: the AUTO_SERVER port then listens on loopback only
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            if (password == null || password.isEmpty()) {
                password = H2Password.forDatabase(jdbcUrl, h2File, user);
            }
            config.setExceptionOverrideClassName(H2ClosedDatabaseOverride.class.getName());
        }
        config.setPassword(password);
        config.setPoolName("jobdrop-ledger");
        // a dead database must answer fast (health, the writer's backoff): Hikari's default wait is 30 s
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new LedgerException("cannot connect to the ledger at " + redacted(url) + ": " + e.getMessage(), e);
        }
        try {
            migrations(pool, url).load().migrate();
            return pool;
        } catch (RuntimeException e) {
            pool.close();
            throw new LedgerException("cannot migrate the ledger at " + redacted(url) + ": " + e.getMessage(), e);
        }
    }

    /** The ledger's migrations, in SQL and in Java, for a database at this URL. */
    static FluentConfiguration migrations(DataSource pool, String url) {
        return Flyway.configure()
                .dataSource(pool)
                .locations(MIGRATIONS)
                .placeholders(placeholders(url))
                .javaMigrations(new JobSeqMigration());
    }

    /**
     * How many ledger writers suit the database (see {@link LedgerWriters}): one on H2, whose commits take turns
     * anyway; four on PostgreSQL, where a writer mostly waits for round trips.
     */
    public static int defaultWriters(String url) {
        return H2Urls.isH2(url) ? 1 : 4;
    }

    /** The few things the two databases spell or want differently. */
    private static Map<String, String> placeholders(String url) {
        boolean h2 = H2Urls.isH2(url);
        return Map.of("text", h2 ? "CHARACTER LARGE OBJECT" : "TEXT",
                "identity_cache", h2 ? "1000" : "1",
                "random_uuid", h2 ? "RANDOM_UUID()" : "gen_random_uuid()");
    }

    /** URLs may carry a password as a parameter; error messages must not. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }
}
