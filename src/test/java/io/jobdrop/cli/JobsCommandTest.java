package io.jobdrop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.jobdrop.cli.CommandLineTest.jobdrop;
import static org.assertj.core.api.Assertions.assertThat;

/** `jobdrop jobs`: where each job stands, long names kept whole, and a word when the list is cut. */
class JobsCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("ledger");
    }

    @Test
    void shows_queued_and_submitted_with_the_orchestrators_job_id_not_the_stamped_state() throws Exception {
        TestLedgers.withJobs(db(), "sent");
        TestLedgers.submitAll(db());
        TestLedgers.withJobs(db(), "waiting");

        List<String> lines = jobdrop("jobs", "--db", db()).out().lines().toList();

        assertThat(lines.get(0)).contains("STATUS").contains("ORCHESTRATOR JOB").doesNotContain("STATE");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("sent").contains("submitted").contains("orch-sent"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("waiting").contains("queued"));
        assertThat(String.join("\n", lines)).doesNotContain("Pending");
        assertThat(jobdrop("jobs", "--db", db(), "--json", "--state", "submitted").out())
                .contains("\"orchestratorJobId\":\"orch-sent\"");
    }

    @Test
    void keeps_long_names_whole_and_the_columns_aligned() throws Exception {
        String longName = "a-rather-long-job-name-that-would-not-fit-in-twenty-eight-characters";
        TestLedgers.withJobs(db(), longName, "short");

        List<String> lines = jobdrop("jobs", "--db", db()).out().lines().toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains(longName));
        int versionColumn = lines.get(0).indexOf("VERSION");
        int statusColumn = lines.get(0).indexOf("STATUS");
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.charAt(versionColumn + "VERSION".length() - 1)).as(line).isEqualTo('1');
            assertThat(line.substring(statusColumn)).as(line).startsWith("queued");
        }
    }

    @Test
    void says_when_it_shows_fewer_jobs_than_the_ledger_holds() throws Exception {
        TestLedgers.withJobs(db(), "one", "two", "three");

        CommandLineTest.Run cut = jobdrop("jobs", "--db", db(), "--limit", "2");
        CommandLineTest.Run whole = jobdrop("jobs", "--db", db(), "--limit", "3");

        assertThat(cut.out().lines()).hasSize(3);
        assertThat(cut.err().strip()).isEqualTo("jobdrop jobs: 2 of 3 shown, the latest changed first; --limit 3 shows them all");
        assertThat(whole.err()).isEmpty();
    }
}
