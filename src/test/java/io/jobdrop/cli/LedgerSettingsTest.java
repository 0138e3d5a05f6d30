package io.jobdrop.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger commands resolve --db as `run` does: flag, then -D, then the environment, then the packaged default
 * (./data/jobdrop in the working directory). Each level is checked on the ledger `jobs` really opened, by the job
 * only that ledger holds, in a real process (its own environment, -D flags and working directory).
 */
class LedgerSettingsTest {

    @TempDir
    Path work;

    private String flagDb;
    private String systemDb;
    private String envDb;

    @BeforeEach
    void ledgers() throws Exception {
        flagDb = TestLedgers.withJobs("jdbc:h2:file:" + work.resolve("flag/ledger"), "in-flag-ledger");
        systemDb = TestLedgers.withJobs("jdbc:h2:file:" + work.resolve("system/ledger"), "in-system-ledger");
        envDb = TestLedgers.withJobs("jdbc:h2:file:" + work.resolve("env/ledger"), "in-env-ledger");
        TestLedgers.withJobs("jdbc:h2:file:" + work.resolve("data/jobdrop"), "in-default-ledger");
    }

    record Run(int exitCode, String output) {
    }

    private Run jobs(List<String> jvmArgs, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).collect(Collectors.joining(File.pathSeparator)), "io.jobdrop.cli.Jobdrop", "jobs"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().remove("JOBDROP_DB_URL");
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("jobdrop jobs did not finish");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    @Test
    void the_db_flag_beats_system_property_and_environment() throws Exception {
        Run run = jobs(List.of("-Djobdrop.db.url=" + systemDb), Map.of("JOBDROP_DB_URL", envDb), "--db", flagDb);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("in-flag-ledger").doesNotContain("in-system-ledger", "in-env-ledger");
    }

    @Test
    void a_system_property_beats_the_environment() throws Exception {
        Run run = jobs(List.of("-Djobdrop.db.url=" + systemDb), Map.of("JOBDROP_DB_URL", envDb));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("in-system-ledger").doesNotContain("in-env-ledger", "in-default-ledger");
    }

    @Test
    void the_environment_beats_the_packaged_default() throws Exception {
        Run run = jobs(List.of(), Map.of("JOBDROP_DB_URL", envDb));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("in-env-ledger").doesNotContain("in-default-ledger");
    }

    @Test
    void the_packaged_default_is_data_jobdrop_in_the_working_directory() throws Exception {
        Run run = jobs(List.of(), Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("in-default-ledger");
    }

    @Test
    void a_password_file_from_the_environment_is_used_and_a_missing_one_named() throws Exception {
        Path missing = work.resolve("no-such-password");
        Run run = jobs(List.of(), Map.of("JOBDROP_DB_PASSWORD_FILE", missing.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output().strip()).isEqualTo("jobdrop jobs: jobdrop.db.password-file: \"" + missing
                + "\" cannot be read: NoSuchFileException " + missing
                + " (from environment variable JOBDROP_DB_PASSWORD_FILE)");
    }

    @Test
    void the_db_password_comes_from_a_file_given_as_a_flag() throws Exception {
        Path secured = work.resolve("secured/ledger");
        String url = "jdbc:h2:file:" + secured;
        try (var ds = io.jobdrop.store.LedgerDatabase.open(url, "sa", "")) {
            try (var c = ds.getConnection(); var s = c.createStatement()) {
                s.execute("ALTER USER SA SET PASSWORD 'from-a-file'");
            }
        }
        Path passwordFile = Files.writeString(work.resolve("password"), "from-a-file\n");

        Run wrong = jobs(List.of(), Map.of(), "--db", url);
        Run right = jobs(List.of(), Map.of(), "--db", url, "--db-password-file", passwordFile.toString());

        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(1);
        assertThat(right.exitCode()).as(right.output()).isZero();
        assertThat(right.output()).contains("holds no jobs");
    }
}
