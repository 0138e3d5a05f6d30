package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default H2 ledger's generated password, kept in a file only its owner reads. */
class H2PasswordTest {

    @TempDir
    Path folder;

    private String url(String name) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath();
    }

    @Test
    void a_new_ledger_gets_a_generated_password_in_an_owner_only_file_that_every_open_uses() throws Exception {
        String url = url("fresh");
        try (HikariDataSource first = LedgerDatabase.open(url, "sa", "")) {
            Path file = folder.resolve("fresh.password");
            assertThat(file).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(first.getPassword()).isEqualTo(password);

            assertThatThrownBy(() -> connect(first.getJdbcUrl(), "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            try (HikariDataSource second = LedgerDatabase.open(url, "sa", "")) {
                assertThat(second.getPassword()).isEqualTo(password);
                new JobLedger(second, java.time.Clock.systemUTC(), "second").ping();
            }
        }
    }

    @Test
    void a_passwordless_ledger_from_before_gets_the_password_on_its_next_open() throws Exception {
        String url = url("old");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA legacy");
            s.execute("CREATE TABLE legacy.kept (x INT)");
            s.execute("INSERT INTO legacy.kept VALUES (42)");
        }
        assertThat(folder.resolve("old.password")).doesNotExist();

        try (HikariDataSource ds = LedgerDatabase.open(url, "sa", "")) {
            String password = Files.readString(folder.resolve("old.password")).strip();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var r = s.executeQuery("SELECT x FROM legacy.kept")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(42);
            }
            assertThatThrownBy(() -> connect(ds.getJdbcUrl(), "")).isInstanceOf(SQLException.class);
            connect(ds.getJdbcUrl(), password);
        }
    }

    @Test
    void an_explicit_password_wins_and_no_file_is_written() throws Exception {
        try (HikariDataSource ds = LedgerDatabase.open(url("explicit"), "sa", "chosen-secret")) {
            assertThat(ds.getPassword()).isEqualTo("chosen-secret");
        }
        assertThat(folder.resolve("explicit.password")).doesNotExist();
    }

    @Test
    void in_memory_ledgers_keep_their_empty_password() {
        try (HikariDataSource ds = LedgerDatabase.open("jdbc:h2:mem:pw-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            assertThat(ds.getPassword()).isEmpty();
        }
    }

    private static void connect(String url, String password) throws SQLException {
        try (Connection ignored = DriverManager.getConnection(url, "sa", password)) {
            // opened
        }
    }
}
