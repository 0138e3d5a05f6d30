package io.jobdrop.pipeline;

import io.jobdrop.cli.Jobdrop;
import io.jobdrop.store.FileRecord;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** `jobdrop show FILE`: a file's verdict, its jobs, and where each drop of it was filed. */
class ShowFileTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Test
    void shows_each_drop_of_a_file_with_its_jobs_and_where_it_was_filed() throws Exception {
        drop("twice.yaml", job("first-drop"));
        awaitPlaced("twice.yaml", 1);
        drop("twice.yaml", job("second-drop"));
        awaitPlaced("twice.yaml", 2);
        Files.delete(inbox.resolve(".done/twice.yaml")); // someone cleaned up .done/ since

        String shown = cli("show", "--db", databaseUrl(), "twice.yaml");

        assertThat(shown).containsSubsequence("file " + inbox.resolve("twice.yaml") + "  done",
                "now at: .done/twice.yaml (" + inbox.resolve(".done/twice.yaml") + ", no longer there)",
                "default/first-drop  v1  accepted",
                "file " + inbox.resolve("twice.yaml") + "  done",
                "now at: .done/twice.1.yaml (" + inbox.resolve(".done/twice.1.yaml") + ")",
                "default/second-drop  v1  accepted");
        assertThat(cli("show", "--db", databaseUrl(), ".done/twice.1.yaml")).contains("second-drop")
                .doesNotContain("first-drop");
    }

    @Test
    void shows_why_a_file_was_rejected_and_where_its_report_is() {
        drop("broken.yaml", "Name: broken\nType: batch\n");
        awaitPlaced("broken.yaml", 1);

        assertThat(cli("show", "--db", databaseUrl(), "broken.yaml"))
                .contains("file " + inbox.resolve("broken.yaml") + "  error")
                .contains("now at: .error/broken.yaml")
                .contains("1:1 Tasks: missing job tasks");
    }

    @Test
    void says_when_the_argument_names_neither_a_job_nor_a_file() {
        assertThat(cli("show", "--db", databaseUrl(), "nothing.yaml"))
                .contains("no job with ID or name nothing.yaml, and no inbox file of that name");
    }

    private void awaitPlaced(String name, int drops) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<FileRecord> records = ledger().showFile(name);
            return records.size() == drops && records.stream().map(FileRecord::placedAs).allMatch(Objects::nonNull);
        });
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Jobdrop.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        cli.execute(args);
        return out.toString();
    }
}
