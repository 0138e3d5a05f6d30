package io.jobdrop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.jobdrop.cli.CommandLineTest.jobdrop;
import static org.assertj.core.api.Assertions.assertThat;

/** `jobdrop imports` and `jobdrop imports fire NAME` against a ledger and an imports folder. */
class ImportsCommandTest {

    @TempDir
    Path dir;

    private String db() {
        return "jdbc:h2:file:" + dir.resolve("ledger");
    }

    private String imports() throws Exception {
        Path imports = Files.createDirectories(dir.resolve("imports"));
        Files.writeString(imports.resolve("imports.yaml"), """
                - name: nightly-report
                  schedule: 0 0 2 * * ?
                  timezone: Europe/Berlin
                  from: jobs/report.yaml
                - name: paused
                  schedule: every 10m
                  from: jobs/report.yaml
                  enabled: false
                """);
        Files.writeString(imports.resolve("typo.yaml"), "name: x\nschedule: every 1m\nform: y\n");
        return imports.toString();
    }

    @Test
    void lists_each_import_with_schedule_last_fire_and_next_fire_and_the_files_not_loaded() throws Exception {
        String folder = imports();
        TestLedgers.withJobs(db(), "unrelated");

        CommandLineTest.Run run = jobdrop("imports", "--db", db(), "--imports-dir", folder);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).contains("NAME", "SCHEDULE", "LAST FIRE", "OUTCOME", "NEXT FIRE");
        assertThat(lines.get(1)).startsWith("nightly-report").contains("0 0 2 * * ?").contains(" - ")
                .containsPattern("T0[01]:00:00Z$"); // 02:00 in Berlin
        assertThat(lines.get(2)).startsWith("paused").endsWith("disabled");
        assertThat(run.err()).contains("not loaded: " + Path.of(folder, "typo.yaml") + ":3:1: unknown key 'form'");
    }

    @Test
    void records_a_requested_fire_for_a_running_instance_to_run() throws Exception {
        String folder = imports();
        TestLedgers.withJobs(db(), "unrelated");

        CommandLineTest.Run fire = jobdrop("imports", "fire", "nightly-report", "--db", db(), "--imports-dir", folder);
        assertThat(fire.exitCode()).as(fire.err()).isZero();
        assertThat(fire.out()).startsWith("requested import:nightly-report@");

        CommandLineTest.Run listed = jobdrop("imports", "--db", db(), "--imports-dir", folder, "--json");
        assertThat(listed.out().lines().findFirst().orElseThrow())
                .contains("\"trigger\":\"request\"", "\"outcome\":\"pending\"");

        CommandLineTest.Run waited = jobdrop("imports", "fire", "nightly-report", "--wait", "1", "--db", db(),
                "--imports-dir", folder);
        assertThat(waited.exitCode()).isEqualTo(1);
        assertThat(waited.err()).contains("still pending after 1 s");

        CommandLineTest.Run unknown = jobdrop("imports", "fire", "paused", "--db", db(), "--imports-dir", folder);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no enabled import named 'paused'");
    }

    @Test
    void refuses_an_imports_folder_that_was_set_but_does_not_exist() {
        CommandLineTest.Run run = jobdrop("imports", "--db", db(), "--imports-dir", dir.resolve("nope").toString());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("jobdrop.imports.dir", "is not a folder", "--imports-dir");
    }
}
