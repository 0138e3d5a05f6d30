package io.jobdrop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A process the harness started: its output goes to a log file, its stdin stays an open pipe (our own children exit
 * when it closes), and it is stopped when the harness exits, however it exits short of SIGKILL.
 */
final class Child implements AutoCloseable {

    private static final Set<Child> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(child -> child.stop(Duration.ofSeconds(5))),
                "bench-children-reaper"));
    }

    private final String label;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private Child(String label, Process process, Path log, long startedNanos) {
        this.label = label;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code command} in {@code workDir}. {@code environment} overrides the inherited environment; variables
     * whose names start with one of {@code dropPrefixes} are removed first, so the caller's shell cannot leak settings
     * into a measured process.
     */
    static Child start(String label, List<String> command, Map<String, String> environment, List<String> dropPrefixes,
                       Path workDir, Path log) {
        try {
            Files.createDirectories(workDir);
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(name -> dropPrefixes.stream().anyMatch(name::startsWith));
            builder.environment().putAll(environment);
            long startedNanos = System.nanoTime();
            Child child = new Child(label, builder.start(), log, startedNanos);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label + ": " + command, e);
        }
    }

    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** "running", or how it ended: the exit code, 128 + the signal number when a signal ended it (143 = SIGTERM). */
    String state() {
        return process.isAlive() ? "running" : "exited with " + process.exitValue();
    }

    /** Milliseconds since the process was started. */
    long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    ProcStats stats() {
        return ProcStats.of(process.pid());
    }

    /** Waits until a line of the log starts with {@code prefix} and returns the rest of it. */
    String awaitLogLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : logLines()) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            if (!process.isAlive()) {
                throw new BenchFailure(label + " " + state() + " before it was ready; " + tail());
            }
            pause(10);
        }
        throw new BenchFailure(label + " was not ready within " + timeout.toSeconds() + " s; " + tail());
    }

    /** The last lines of the log, for error messages. */
    String tail() {
        List<String> lines = logLines();
        return "last lines of " + log + ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 15),
                lines.size()));
    }

    /** SIGTERM, then SIGKILL after {@code grace}; the exit code, or -1 when it had to be killed. */
    int stop(Duration grace) {
        try {
            process.destroy();
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            LIVE.remove(this);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
        LIVE.remove(this);
    }

    private List<String> logLines() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()
                    : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
