package io.jobdrop.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's launchers, {@code ./jobdrop} and {@code ./test}, pick the installed {@code mvn} and fall back to
 * {@code ./mvnw}. Each runs as a copy in a scratch folder, with stand-ins for Maven, the wrapper and PostgreSQL's
 * tools that only write down how they were called, on a PATH that has or lacks {@code mvn}.
 */
class LaunchersTest {

    @TempDir
    static Path machine;

    @TempDir
    Path scratch;

    Path project;
    Path stubs;
    Path calls;

    @BeforeEach
    void scratchProject() throws IOException {
        project = Files.createDirectories(scratch.resolve("jobdrop"));
        stubs = Files.createDirectories(scratch.resolve("stubs"));
        calls = scratch.resolve("calls.txt");
        for (String launcher : List.of("jobdrop", "test")) {
            Files.copy(Path.of(launcher), project.resolve(launcher), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        stub(project.resolve("mvnw"), 1);
        stub(stubs.resolve("pg_isready"), 0);
        stub(stubs.resolve("psql"), 0);
    }

    @Test
    void launchers_are_valid_shell_scripts() throws Exception {
        assertThat(run(List.of("bash", "-n", "jobdrop"), Path.of(".")).exit).isZero();
        assertThat(run(List.of("bash", "-n", "test"), Path.of(".")).exit).isZero();
        assertThat(run(List.of("sh", "-n", "mvnw"), Path.of(".")).exit).isZero();
    }

    @Test
    void jobdrop_builds_with_the_installed_mvn() throws Exception {
        stub(stubs.resolve("mvn"), 1);

        Result result = run(List.of(project.resolve("jobdrop").toString(), "validate", "x.yaml"), project);

        assertThat(result.exit).as(result.output).isEqualTo(2);
        assertThat(calls()).containsExactly("mvn -B -q -o -DskipTests package", "mvn -B -q -DskipTests package");
    }

    @Test
    void jobdrop_builds_with_the_wrapper_when_mvn_is_not_installed() throws Exception {
        Result result = run(List.of(project.resolve("jobdrop").toString(), "validate", "x.yaml"), project);

        assertThat(result.exit).as(result.output).isEqualTo(2);
        assertThat(result.output).contains("jobdrop: build failed");
        assertThat(calls()).containsExactly("mvnw -B -q -o -DskipTests package", "mvnw -B -q -DskipTests package");
    }

    @Test
    void test_runs_the_installed_mvn() throws Exception {
        stub(stubs.resolve("mvn"), 0);

        Result result = run(List.of(project.resolve("test").toString(), "-Dtest=Some"), scratch);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(calls()).last().isEqualTo("mvn -B test -Dtest=Some");
        assertThat(calls()).filteredOn(call -> call.startsWith("mvn")).hasSize(1);
    }

    @Test
    void test_runs_the_wrapper_when_mvn_is_not_installed() throws Exception {
        stub(project.resolve("mvnw"), 0);

        Result result = run(List.of(project.resolve("test").toString(), "-Dtest=Some"), scratch);

        assertThat(result.exit).as(result.output).isZero();
        assertThat(calls()).last().isEqualTo("mvnw -B test -Dtest=Some");
        assertThat(calls()).filteredOn(call -> call.startsWith("mvn")).hasSize(1);
    }

    /** A command that records its name and arguments, then exits with the given code. */
    private void stub(Path file, int exit) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho \"$(basename \"$0\") $*\" >> \"$LAUNCHERS_TEST_CALLS\"\nexit " + exit
                + "\n");
        file.toFile().setExecutable(true);
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private Result run(List<String> command, Path dir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", stubs + File.pathSeparator + systemWithoutMvn());
        builder.environment().put("LAUNCHERS_TEST_CALLS", calls.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), output);
    }

    /** A folder of links to every command on this PATH except mvn: the machine as if Maven were not installed. */
    private static Path systemWithoutMvn() throws IOException {
        Path system = machine.resolve("without-mvn");
        if (Files.isDirectory(system)) {
            return system;
        }
        Files.createDirectories(system);
        for (String entry : System.getenv("PATH").split(File.pathSeparator)) {
            File[] commands = new File(entry).listFiles();
            for (File command : commands == null ? new File[0] : commands) {
                Path link = system.resolve(command.getName());
                boolean first = !Files.exists(link, LinkOption.NOFOLLOW_LINKS);
                if (!command.getName().equals("mvn") && command.canExecute() && first) {
                    Files.createSymbolicLink(link, command.toPath().toAbsolutePath());
                }
            }
        }
        return system;
    }

    private record Result(int exit, String output) {
    }
}
