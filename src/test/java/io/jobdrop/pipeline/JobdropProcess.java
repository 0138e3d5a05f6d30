package io.jobdrop.pipeline;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** `jobdrop run` as a real child process, to be killed hard or sent SIGTERM like in production. */
final class JobdropProcess implements AutoCloseable {

    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment;
    private final Path log;
    private final int apiPort;
    private final Path workDir;
    private Process process;

    JobdropProcess(List<String> runArgs, Map<String, String> environment, Path log, int apiPort) {
        this(List.of(), runArgs, environment, log, apiPort, null);
    }

    /**
     * With JVM flags ({@code -Dkey=value}) and a working directory (null: the test's), for what depends on them:
     * settings precedence, relative default paths.
     */
    JobdropProcess(List<String> jvmArgs, List<String> runArgs, Map<String, String> environment, Path log, int apiPort,
                   Path workDir) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath(), "io.jobdrop.cli.Jobdrop", "run", "--api-port", Integer.toString(apiPort)));
        command.addAll(runArgs);
        this.environment = environment;
        this.log = log;
        this.apiPort = apiPort;
        this.workDir = workDir;
    }

    /** The test class path without empty entries: an empty one means the working directory, whose routes/ would load twice. */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    JobdropProcess start() {
        return start(Duration.ofSeconds(60));
    }

    /** For a busy machine, where a JVM may need longer to come up. */
    JobdropProcess start(Duration atMost) {
        launch();
        await().atMost(atMost).until(this::healthAnswers);
        return this;
    }

    /** For a start that must fail: the exit code, once the process is gone. */
    int exitCode() throws InterruptedException {
        launch();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("jobdrop still runs after 60 s:\n" + logText());
        }
        return process.exitValue();
    }

    private void launch() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For a run expected to refuse to start: starts it and waits for it to exit, returning the exit code. */
    int startAndAwaitExit(Duration atMost) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("jobdrop did not exit within " + atMost + ":\n" + logText());
        }
        return process.exitValue();
    }

    int apiPort() {
        return apiPort;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    boolean healthAnswers() {
        if (!process.isAlive()) {
            throw new AssertionError("jobdrop exited with " + process.exitValue() + ":\n" + logText());
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/observe/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 || r.statusCode() == 503;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no draining — a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            threadDump();
            process.destroyForcibly();
            throw new AssertionError("jobdrop did not stop within 60 s of SIGTERM; its log ends with its threads:\n"
                    + logText());
        }
        return process.exitValue();
    }

    /** SIGQUIT: the JVM prints its threads to the log, to show what a stop that hangs waits for. */
    private void threadDump() throws InterruptedException {
        try {
            new ProcessBuilder("kill", "-QUIT", Long.toString(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            Thread.sleep(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
