package io.jobdrop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Waits until a phase is over: the stand-in has seen every job Name and every file is in {@code <inbox>/.done}.
 * Fails fast when a file lands in {@code .error}, the stand-in rejects a request, the process dies, or nothing moves
 * for the stall timeout. The harness only polls (the stand-in's counters over HTTP, the .done folder once a second) so
 * it takes little CPU from the process it measures.
 */
final class Completion {

    /**
     * When the phase ended: the stand-in's last first-arrival, and the last rename into .done (the folder's mtime).
     * Both are exact times, not the moment a poll noticed.
     */
    record Finished(long lastArrivalMicros, long lastDoneMicros) {

        long endMicros() {
            return Math.max(lastArrivalMicros, lastDoneMicros);
        }
    }

    private Completion() {
    }

    static Finished await(StandInClient standIn, int expected, Path inbox, Child process, Duration stall) {
        Path done = inbox.resolve(".done");
        Path errors = inbox.resolve(".error");
        long lastProgress = -1;
        long lastProgressAt = System.nanoTime();
        long doneCount = 0;
        long lastDirectoryCheck = 0;
        while (true) {
            StandInClient.Stats stats = standIn.stats();
            if (stats.rejected() > 0) {
                throw new BenchFailure("the stand-in rejected " + stats.rejected() + " request(s) (bad Content-Type or"
                        + " no Job.Name); see " + process.log());
            }
            boolean allArrived = stats.distinct() >= expected;
            if (allArrived || System.nanoTime() - lastDirectoryCheck > TimeUnit.SECONDS.toNanos(1)) {
                lastDirectoryCheck = System.nanoTime();
                doneCount = countFiles(done);
                firstError(errors).ifPresent(report -> {
                    throw new BenchFailure("a generated job was rejected: " + report);
                });
                if (allArrived && doneCount >= expected) {
                    return new Finished(stats.lastArrivalMicros(), modifiedMicros(done));
                }
            }
            long progress = stats.received() + doneCount;
            if (progress != lastProgress) {
                lastProgress = progress;
                lastProgressAt = System.nanoTime();
            } else if (System.nanoTime() - lastProgressAt > stall.toNanos()) {
                throw new BenchFailure(process.label() + " made no progress for " + stall.toSeconds() + " s: "
                        + stats.distinct() + "/" + expected + " jobs arrived, " + doneCount + "/" + expected
                        + " files done; " + process.tail());
            }
            if (!process.isAlive()) {
                throw new BenchFailure(process.label() + " " + process.state() + " in the middle of a phase: "
                        + stats.distinct() + "/" + expected + " jobs arrived; " + process.tail());
            }
            Child.pause(50);
        }
    }

    static long countFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            // job files only: following writes <file>.result.json beside each, and rejections have .error.json
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.endsWith(".result.json")
                            && !name.endsWith(".error.json"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> firstError(Path errors) {
        if (!Files.isDirectory(errors)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(errors)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".error.json")).findFirst()
                    .map(Completion::readReport);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readReport(Path report) {
        try {
            String text = Files.readString(report, StandardCharsets.UTF_8);
            return report.getFileName() + ": " + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        } catch (IOException e) {
            return report.getFileName() + " (unreadable: " + e.getMessage() + ")";
        }
    }

    private static long modifiedMicros(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).to(TimeUnit.MICROSECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
