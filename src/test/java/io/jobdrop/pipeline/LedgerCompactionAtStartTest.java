package io.jobdrop.pipeline;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `run` on an H2 ledger whose file is mostly space that later commits freed (as jobdrop's H2 leaves it: every commit
 * written at once, no housekeeping) compacts it before opening it, keeps every row, and then works as usual.
 */
class LedgerCompactionAtStartTest extends PipelineTestSupport {

    private static final int ROWS = 2_000;
    private long sizeBefore;
    private LogCapture logs;

    @AfterEach
    void stopCapture() {
        logs.close();
    }

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    private Path ledgerFile() {
        return work.resolve("data/jobdrop.mv.db");
    }

    @Override
    void tune(Properties p) {
        // a ledger from an earlier run: rows under random keys (as job IDs are), one commit each, so that most chunks
        // of the file keep a few live pages; closed without H2's part-compaction at close
        try (HikariDataSource pool = LedgerDatabase.open(databaseUrl() + ";MAX_COMPACT_TIME=0", "sa", "");
             Connection c = pool.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE earlier_rows (id UUID PRIMARY KEY, n INT, note VARCHAR)");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO earlier_rows VALUES (?, ?, ?)")) {
                for (int n = 0; n < ROWS; n++) {
                    s.setObject(1, java.util.UUID.randomUUID());
                    s.setInt(2, n);
                    s.setString(3, "row " + n + " ".repeat(200));
                    s.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        sizeBefore = size(ledgerFile());
        logs = LogCapture.start();
        p.put("jobdrop.db.compact-at-start-mb", "1");
    }

    @Test
    void compacts_a_wasteful_ledger_before_opening_it_and_keeps_every_row() throws Exception {
        assertThat(sizeBefore).as("the earlier run's file").isGreaterThan(1 << 20);
        // H2's own part-compaction at a close would shrink a file this small too: the log tells who did it
        assertThat(logs.text()).containsPattern("compacting the ledger \\(\\d+ MB, \\d+% of it live\\) before opening it")
                .contains("ledger compacted: ");
        assertThat(size(ledgerFile())).isLessThan(sizeBefore / 2);
        try (HikariDataSource pool = LedgerDatabase.open(databaseUrl(), "sa", "");
             Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(n) FROM earlier_rows")) {
            r.next();
            assertThat(r.getInt(1)).isEqualTo(ROWS);
            assertThat(r.getLong(2)).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        }

        drop("after.yaml", job("after-compaction"));
        await().atMost(Duration.ofSeconds(20)).until(() -> filesIn(".done").contains("after.yaml"));
        assertThat(ledgerJob("after-compaction").name()).isEqualTo("after-compaction");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
