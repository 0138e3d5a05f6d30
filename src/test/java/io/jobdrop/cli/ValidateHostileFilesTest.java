package io.jobdrop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.jobdrop.cli.ValidateCommandTest.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * `validate` looks before it reads and never hangs: not on a FIFO, not on a huge file, not on a template that would
 * run forever. The timeout is a guard against a hang only.
 */
class ValidateHostileFilesTest {

    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static JsonNode onlyObject(ValidateCommandTest.Run run) throws IOException {
        assertThat(run.lines()).hasSize(1);
        return JobJson.mapper().readTree(run.lines().get(0));
    }

    @Test
    void reports_a_fifo_as_not_a_regular_file_without_opening_it() throws Exception {
        Path fifo = dir.resolve("jobs.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();

        ValidateCommandTest.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> validate("--json", fifo.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(onlyObject(run).at("/errors/0/message").asText())
                .isEqualTo("cannot read " + fifo + ": not a regular file (a FIFO, socket or device)");
    }

    @Test
    void reports_a_directory_as_not_a_regular_file() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("jobs.yaml"));

        ValidateCommandTest.Run run = validate("--json", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(onlyObject(run).at("/errors/0/message").asText())
                .isEqualTo("cannot read " + folder + ": not a regular file (a directory)");
    }

    @Test
    void rejects_a_file_over_the_size_limit_without_reading_it() throws Exception {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(1L << 30);
        }

        ValidateCommandTest.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> validate("--json", huge.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(onlyObject(run).at("/errors/0/message").asText())
                .isEqualTo("file is 1073741824 bytes, more than the limit of 10485760 (jobdrop.limits.file-bytes)");
    }

    @Test
    void takes_the_size_limit_from_the_setting() throws Exception {
        Path job = Files.writeString(dir.resolve("a.yaml"), "Name: a\nType: batch\n");
        System.setProperty("jobdrop.limits.file-bytes", "8");
        try {
            ValidateCommandTest.Run run = validate("--json", job.toString());

            assertThat(onlyObject(run).at("/errors/0/message").asText())
                    .isEqualTo("file is 20 bytes, more than the limit of 8 (jobdrop.limits.file-bytes)");
        } finally {
            System.clearProperty("jobdrop.limits.file-bytes");
        }
    }

    @Test
    void exits_two_when_a_limit_setting_is_not_a_positive_number() {
        System.setProperty("jobdrop.limits.template-steps", "lots");
        try {
            ValidateCommandTest.Run run = validate("x.yaml");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains(
                    "jobdrop.limits.template-steps: \"lots\" is not a number (from -Djobdrop.limits.template-steps)");
        } finally {
            System.clearProperty("jobdrop.limits.template-steps");
        }
    }

    @Test
    void exits_two_when_a_limit_setting_is_zero() {
        System.setProperty("jobdrop.limits.documents", "0");
        try {
            ValidateCommandTest.Run run = validate("x.yaml");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("jobdrop.limits.documents: 0 is not a positive whole number");
        } finally {
            System.clearProperty("jobdrop.limits.documents");
        }
    }

    @Test
    void returns_on_a_template_that_would_spin_forever() throws Exception {
        Path spin = Files.writeString(dir.resolve("spin.yaml"), "x: \"{{range 1000000000000}}{{end}}\"\n");

        ValidateCommandTest.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> validate("--json", spin.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = onlyObject(run).at("/errors/0");
        assertThat(error.get("message").asText()).endsWith(
                "template execution exceeds 10000000 steps (jobdrop.limits.template-steps)");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(13);
    }

    @Test
    void reports_invalid_utf8_with_its_byte_offset_line_and_column() throws Exception {
        Path bad = Files.write(dir.resolve("bad.yaml"), new byte[] {'N', 'a', 'm', 'e', ':', ' ', (byte) 0xFF, '\n'});

        JsonNode error = onlyObject(validate("--json", bad.toString())).at("/errors/0");

        assertThat(error.get("message").asText())
                .isEqualTo("converting yaml to json: yaml: invalid leading UTF-8 octet at byte offset 6");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(7);
    }
}
