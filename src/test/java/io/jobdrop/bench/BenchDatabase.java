package io.jobdrop.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fresh, empty databases for each measured process: an H2 file in the run folder, or a new PostgreSQL database on
 * 127.0.0.1:5432 (user postgres, trust authentication as on these machines), dropped again at the end.
 */
final class BenchDatabase implements AutoCloseable {

    enum Kind { H2, POSTGRES }

    /** Where a process finds its database. */
    record Target(String url, String user, String password) {
    }

    static final String POSTGRES_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String POSTGRES_USER = "postgres";

    private final Kind kind;
    private final Path folder;
    private final String runTag;
    private final List<String> created = new ArrayList<>();

    BenchDatabase(Kind kind, Path folder, String runTag) {
        this.kind = kind;
        this.folder = folder;
        this.runTag = runTag.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    Kind kind() {
        return kind;
    }

    Target fresh(String label) {
        String name = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (kind == Kind.H2) {
            return new Target("jdbc:h2:file:" + folder.resolve(name).toAbsolutePath(), "sa", "");
        }
        String database = "jobdrop_bench_" + runTag + "_" + name;
        admin("CREATE DATABASE " + database);
        created.add(database);
        return new Target("jdbc:postgresql://127.0.0.1:5432/" + database, POSTGRES_USER, "");
    }

    @Override
    public void close() {
        for (String database : created) {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        created.clear();
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_ADMIN_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new BenchFailure("PostgreSQL on 127.0.0.1:5432 (user postgres): " + sql + ": " + e.getMessage());
        }
    }
}
