package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger on an H2 file database, opened as {@code jobdrop run} opens it. */
class H2JobLedgerTest extends JobLedgerBehaviour {

    // static: a per-class instance gets its fields injected only after @BeforeAll has run
    @TempDir
    static Path folder;

    @Override
    HikariDataSource openDatabase() {
        return LedgerDatabase.open("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "");
    }

    @Override
    void dropDatabase() {
        // the folder goes with the test class
    }

    @Override
    String blockedStatementsQuery() {
        // H2 shows a session waiting for a row lock as RUNNING its statement; only the ledger's thread runs one here
        return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID()"
                + " AND EXECUTING_STATEMENT LIKE ?";
    }

    @Test
    void claims_by_reading_the_due_index_in_order_without_sorting_the_outbox() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var plan = s.executeQuery("EXPLAIN " + OutboxTable.DUE.replace("?", "CURRENT_TIMESTAMP")
                     .replace("LIMIT CURRENT_TIMESTAMP", "LIMIT 100"))) {
            plan.next();
            assertThat(plan.getString(1)).contains("OUTBOX_DUE_IDX").contains("/* index sorted */");
        }
    }

    @Test
    void another_process_can_read_the_database_while_the_pool_holds_it() throws Exception {
        record("visible-elsewhere");
        String h2Jar = Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process shell = new ProcessBuilder(java, "-cp", h2Jar, "org.h2.tools.Shell", "-url", dataSource.getJdbcUrl(),
                "-user", "sa", "-password", dataSource.getPassword(), "-sql", "SELECT name FROM jobs")
                .redirectErrorStream(true)
                .start();
        String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(shell.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dataSource.getJdbcUrl()).contains(";AUTO_SERVER=TRUE").contains(";WRITE_DELAY=0")
                .contains(";MAX_LENGTH_INPLACE_LOB=131072").contains(";QUERY_CACHE_SIZE=64").contains(";PAGE_SIZE=16384")
                .endsWith(";MAX_COMPACT_TIME=0");
        assertThat(output).contains("visible-elsewhere");
        assertThat(shell.exitValue()).as(output).isZero();
    }
}
