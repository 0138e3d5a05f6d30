package io.jobdrop.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The two measurements made on a running process: a burst (throughput) and a steady drip (latency). */
final class Phases {

    private final StandInClient standIn;
    private final Duration stall;
    private final PrintStream out;

    Phases(StandInClient standIn, Duration stall, PrintStream out) {
        this.standIn = standIn;
        this.stall = stall;
        this.out = out;
    }

    /** {@code what} names the burst in the progress line: "burst", or "warm-up" when it only prepares the JIT. */
    Results.Burst burst(String what, List<Generator.StagedFile> files, Path inbox, Child process) {
        standIn.reset();
        ProcStats before = process.stats();
        long start = Drops.burst(files, inbox);
        Completion.Finished finished = Completion.await(standIn, files.size(), inbox, process, stall);
        ProcStats after = process.stats();
        Map<String, Long> arrivals = arrivalsOf(files, process);
        long firstArrival = Collections.min(arrivals.values());
        Results.Burst burst = new Results.Burst(files.size(), (finished.endMicros() - start) / 1e6,
                after.cpuSecondsSince(before), (firstArrival - start) / 1e3, standIn.stats().duplicates());
        out.printf("bench:   %s %s: %d files in %.2f s = %.1f jobs/s, %d job polls (following)%n", process.label(),
                what, files.size(), burst.seconds(), burst.jobsPerSecond(), standIn.stats().polled());
        return burst;
    }

    Results.Steady steady(List<Generator.StagedFile> files, Path inbox, Child process, double rate, long stableMs) {
        standIn.reset();
        Map<String, Long> dropped = Drops.steady(files, inbox, rate);
        Completion.await(standIn, files.size(), inbox, process, stall);
        Map<String, Long> arrivals = arrivalsOf(files, process);
        List<Long> latencies = new ArrayList<>(files.size());
        dropped.forEach((name, droppedAt) -> latencies.add(arrivals.get(name) - droppedAt));
        Results.Steady steady = new Results.Steady(stableMs, rate, Percentiles.ofMicros(latencies),
                standIn.stats().duplicates());
        out.printf("bench:   %s steady (stable-ms %d): p50 %.1f ms, p99 %.1f ms, %d job polls (following)%n",
                process.label(), stableMs, steady.latency().p50Ms(), steady.latency().p99Ms(),
                standIn.stats().polled());
        return steady;
    }

    /** The stand-in's arrival times, after checking that every job of the phase is among them. */
    private Map<String, Long> arrivalsOf(List<Generator.StagedFile> files, Child process) {
        Map<String, Long> arrivals = standIn.arrivals();
        List<String> missing = files.stream().map(Generator.StagedFile::jobName)
                .filter(name -> !arrivals.containsKey(name)).limit(5).toList();
        if (!missing.isEmpty()) {
            throw new BenchFailure(process.label() + ": jobs never reached the stand-in, e.g. " + missing);
        }
        return arrivals;
    }
}
