package io.jobdrop.cli;

import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.store.OutboxItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static io.jobdrop.cli.CommandLineTest.jobdrop;
import static org.assertj.core.api.Assertions.assertThat;

/** `jobdrop rerun ID|NAME`: queues a rerun of a delivered job, and says why when it cannot. */
class RerunCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("ledger");
    }

    @Test
    void queues_a_rerun_of_a_delivered_job_with_the_reason_given() throws Exception {
        TestLedgers.withJobs(db(), "nightly");
        TestLedgers.submitAll(db());

        CommandLineTest.Run run = jobdrop("rerun", "--db", db(), "--reason", "disk was full", "nightly");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("rerun of job j-").contains("queued");
        try (var ds = LedgerDatabase.open(db(), "sa", "");
             JobLedger ledger = new JobLedger(ds, Clock.systemUTC(), "test")) {
            assertThat(ledger.claimDue(10, Duration.ofMinutes(1))).singleElement().satisfies(item -> {
                assertThat(item.isRerun()).isTrue();
                assertThat(item.orchestratorRef()).isEqualTo("orch-nightly");
            });
            assertThat(ledger.show("nightly").orElseThrow().events()).last()
                    .satisfies(e -> assertThat(e.detail()).isEqualTo("disk was full"));
        }
    }

    @Test
    void refuses_an_unknown_job_and_one_not_delivered_yet() throws Exception {
        TestLedgers.withJobs(db(), "waiting");

        CommandLineTest.Run unknown = jobdrop("rerun", "--db", db(), "nope");
        CommandLineTest.Run queued = jobdrop("rerun", "--db", db(), "waiting");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no job with ID or name 'nope'").contains("`jobdrop jobs` lists the jobs");
        assertThat(queued.exitCode()).isEqualTo(1);
        assertThat(queued.err()).contains("not delivered yet");
        assertThat(queued.out()).isEmpty();
    }

    @Test
    void says_so_when_the_ledger_has_no_jobs_at_all() {
        CommandLineTest.Run run = jobdrop("rerun", "--db", db(), "nightly");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("jobdrop rerun: no job nightly - ");
    }
}
