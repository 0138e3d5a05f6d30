package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running jobdrop's H2 ledger, written one small commit at a time as a steady trickle of files writes it: without
 * housekeeping its file grows with every commit; with it, the space of rewritten chunks is reused. H2 reuses a freed
 * chunk only once its retention time has passed (45 s by default), so the ledgers here keep 200 ms.
 */
class LedgerHousekeepingTest {

    private static final int JOBS = 1_500;

    @TempDir
    Path folder;

    /**
     * The size of a ledger's file after {@link #JOBS} jobs recorded one by one, in rounds of 100 that each end past
     * the retention time, with or without a housekeeping round at the end of each (the rounds that the timer of a
     * running jobdrop makes every second, made here in step so that the comparison does not depend on timing).
     */
    private long fileAfterTrickle(String name, boolean housekeeping) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + ";RETENTION_TIME=200";
        try (HikariDataSource pool = LedgerDatabase.open(url, "sa", "")) {
            JobLedger ledger = new JobLedger(pool, Clock.systemUTC(), "test");
            for (int i = 0; i < JOBS; i++) {
                ledger.recordFile(new IntakeClaim("inbox", "job-" + i + ".yaml:1", "job-" + i + ".yaml"),
                        TestJobs.accepted(TestJobs.stamped("default", "job-" + i, "ubuntu:24.04", Instant.now())));
                if (i % 100 == 99) {
                    if (housekeeping) {
                        LedgerHousekeeping.round(pool);
                    }
                    Thread.sleep(250);
                }
            }
            ledger.close();
            assertThat(ledger.countJobs(null)).isEqualTo(JOBS);
            return Files.size(folder.resolve(name + ".mv.db"));
        }
    }

    @Test
    void keeps_a_ledger_written_commit_by_commit_from_growing_with_every_commit() throws Exception {
        long without = fileAfterTrickle("without", false);
        long with = fileAfterTrickle("with", true);

        assertThat(with).as("with housekeeping %d bytes, without %d", with, without).isLessThan(without * 3 / 4);
    }

    @Test
    void runs_rounds_on_an_h2_file_ledger_only() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("timed").toAbsolutePath();
        try (HikariDataSource pool = LedgerDatabase.open(url, "sa", "")) {
            try (LedgerHousekeeping housekeeping = LedgerHousekeeping.start(pool, Duration.ofSeconds(1))) {
                assertThat(housekeeping.running()).isTrue();
            }
            try (LedgerHousekeeping off = LedgerHousekeeping.start(pool, Duration.ZERO)) {
                assertThat(off.running()).isFalse();
            }
        }
    }

    @Test
    void leaves_a_ledger_without_a_file_alone() throws Exception {
        try (HikariDataSource pool = LedgerDatabase.open("jdbc:h2:mem:housekeeping;DB_CLOSE_DELAY=-1", "sa", "");
             LedgerHousekeeping housekeeping = LedgerHousekeeping.start(pool, Duration.ofSeconds(1))) {
            assertThat(housekeeping.running()).isFalse();
        }
    }
}
