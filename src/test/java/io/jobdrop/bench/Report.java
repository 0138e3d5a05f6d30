package io.jobdrop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Presents a run: a table for people, the one-line summary for tools, and a Markdown record for bench/results. */
final class Report {

    static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");

    private Report() {
    }

    /** The contract line: always the last line of a run's output. */
    static String benchLine(Results.Run run) {
        Results.Burst jobdrop = run.jobdrop().burst();
        Results.Burst baseline = run.baseline().burst();
        Percentiles latency = run.jobdrop().steady().latency();
        return format("bench: jobs_per_s=%.1f baseline_jobs_per_s=%.1f ratio=%.2f p50_ms=%.1f p99_ms=%.1f rss_mb=%.0f"
                        + " ready_ms=%d", jobdrop.jobsPerSecond(), baseline.jobsPerSecond(),
                jobdrop.jobsPerSecond() / baseline.jobsPerSecond(), latency.p50Ms(), latency.p99Ms(),
                run.jobdrop().peakRssMb(), run.jobdrop().readyMs());
    }

    /** With --repeat: the medians over the rounds, each ratio the median of the rounds' own ratios. */
    static String repeatLine(Results.Run run) {
        Results.Medians m = run.medians();
        return format("bench-repeat: rounds=%d jobs_per_s=%.1f baseline_jobs_per_s=%.1f ratio=%.2f"
                        + " batched_jobs_per_s=%.1f batched_ratio=%.2f cpu_ms_per_job=%.3f", run.rounds().size(),
                m.jobdrop(), m.baseline(), m.ratio(), m.batched(), m.batchedRatio(), m.cpuMsPerJob());
    }

    /**
     * The line of --instances: the burst through the instances against the one-instance burst of the same round;
     * with --repeat, the medians over the rounds (the ratio's is the median of the rounds' own ratios), the sums of
     * duplicates and lost files, and each round's ratio.
     */
    static String instancesLine(Results.Run run) {
        List<Results.Round> rounds = run.rounds();
        Results.Round first = rounds.get(0);
        String line = format("bench-instances: instances=%d jobs_per_s=%.1f one_instance_jobs_per_s=%.1f ratio=%.2f"
                        + " duplicates=%d lost=%d files=%d", first.instances().instances(),
                run.median(round -> round.instances().jobsPerSecond()),
                run.median(round -> round.jobdrop().jobsPerSecond()), run.median(Results.Round::instancesRatio),
                rounds.stream().mapToLong(round -> round.instances().duplicatePuts()).sum(),
                rounds.stream().mapToLong(round -> round.instances().lost()).sum(), first.instances().files());
        if (rounds.size() == 1) {
            return line;
        }
        return line + format(" rounds=%d ratios=%s", rounds.size(), rounds.stream()
                .map(round -> format("%.2f", round.instancesRatio())).collect(Collectors.joining(",")));
    }

    static String table(Results.Run run) {
        BenchOptions o = run.options();
        Results.Process jd = run.jobdrop();
        Results.Process base = run.baseline();
        StringBuilder t = new StringBuilder();
        t.append(format("jobdrop benchmark: %d files, %s, steady %s files/s for %d s%s, %s job IDs%n", o.files(),
                dbName(o), number(o.rate()), o.steadySeconds(), o.xmx() == null ? "" : ", -Xmx" + o.xmx(),
                o.jobIds()));
        t.append(format("machine: %d cores (%s), %d MiB, %s%n", run.machine().cores(), run.machine().cpuModel(),
                run.machine().memoryMb(), run.machine().jvm()));
        t.append(format("disk: %s%nload before the run: %s%n%n", run.machine().disk(), run.machine().loadAverage()));
        t.append(format("%-28s %12s %12s%n", "", "jobdrop", "baseline"));
        t.append(row("ready (ms)", jd.readyMs(), base.readyMs(), "%12d"));
        t.append(row("burst: seconds", jd.burst().seconds(), base.burst().seconds(), "%12.2f"));
        t.append(row("burst: jobs/s", jd.burst().jobsPerSecond(), base.burst().jobsPerSecond(), "%12.1f"));
        t.append(row("burst: first arrival (ms)", jd.burst().firstArrivalMs(), base.burst().firstArrivalMs(),
                "%12.1f"));
        t.append(row("burst: CPU ms per job", jd.burst().cpuMsPerJob(), base.burst().cpuMsPerJob(), "%12.3f"));
        t.append(row("peak RSS (MB)", jd.peakRssMb(), base.peakRssMb(), "%12.0f"));
        t.append(row("CPU, whole process (s)", jd.cpuSeconds(), base.cpuSeconds(), "%12.1f"));
        t.append(format("%-28s %12.2f%n", "ratio jobdrop/baseline", jd.burst().jobsPerSecond()
                / base.burst().jobsPerSecond()));
        t.append(format("%nsteady, rename → arrival at the stand-in (jobdrop):%n"));
        t.append(format("%-12s %8s %8s %10s %10s %10s %10s%n", "stable-ms", "jobs", "files/s", "p50 ms", "p99 ms",
                "max ms", "mean ms"));
        t.append(steadyRow(jd.steady()));
        t.append(steadyRow(run.jobdropStable().steady()));
        t.append(format("%njobdrop with stable-ms %d: ready %d ms, peak RSS %.0f MB; exit codes %d / %d / %d"
                        + " (jobdrop, jobdrop stable-ms, baseline); stand-in CPU %.1f s; took %d s%n",
                run.jobdropStable().steady().stableMs(), run.jobdropStable().readyMs(),
                run.jobdropStable().peakRssMb(), jd.exitCode(), run.jobdropStable().exitCode(), base.exitCode(),
                run.standInCpuSeconds(), run.took().toSeconds()));
        if (run.rounds().size() > 1) {
            t.append(rounds(run));
        }
        long duplicates = jd.steady().duplicatePuts() + run.jobdropStable().steady().duplicatePuts()
                + run.rounds().stream().mapToLong(round -> round.jobdrop().duplicatePuts()).sum();
        if (duplicates > 0) {
            t.append(format("note: jobdrop sent %d job(s) more than once%n", duplicates));
        }
        return t.toString();
    }

    private static String rounds(Results.Run run) {
        StringBuilder t = new StringBuilder(format("%nbursts, round by round (jobs/s; each burst in a fresh process):%n"));
        boolean instances = run.rounds().get(0).instances() != null;
        String columns = "%-8s %10s %10s %10s %8s %14s %14s" + (instances ? " %10s %16s%n" : "%n");
        t.append(format(columns, "round", "jobdrop", "baseline", "batched", "ratio", "ratio/batched", "CPU ms/job",
                "instances", "ratio/jobdrop"));
        String cells = "%-8s %10.1f %10.1f %10.1f %8.2f %14.2f %14.3f" + (instances ? " %10.1f %16.2f%n" : "%n");
        for (Results.Round round : run.rounds()) {
            t.append(format(cells, round.number(), round.jobdrop().jobsPerSecond(), round.baseline().jobsPerSecond(),
                    round.batched().jobsPerSecond(), round.ratio(), round.batchedRatio(),
                    round.jobdrop().cpuMsPerJob(), instances ? round.instances().jobsPerSecond() : 0,
                    instances ? round.instancesRatio() : 0));
        }
        Results.Medians m = run.medians();
        t.append(format(cells, "median", m.jobdrop(), m.baseline(), m.batched(), m.ratio(), m.batchedRatio(),
                m.cpuMsPerJob(), instances ? run.median(round -> round.instances().jobsPerSecond()) : 0,
                instances ? run.median(Results.Round::instancesRatio) : 0));
        return t.toString();
    }

    /** The report; {@code modeLines} are the lines of the other modes (batched baseline, HTTP, instances, bucket). */
    static String markdown(Results.Run run, List<String> modeLines) {
        BenchOptions o = run.options();
        MachineFacts m = run.machine();
        StringBuilder md = new StringBuilder();
        md.append(format("# jobdrop benchmark, %s, %s%n%n", run.startedAt().format(TITLE_TIME), dbName(o)));
        md.append("```\n");
        modeLines.forEach(line -> md.append(line).append('\n'));
        if (run.rounds().size() > 1) {
            md.append(repeatLine(run)).append('\n');
        }
        md.append(benchLine(run)).append("\n```\n\n");
        md.append("## Machine\n\n");
        md.append(format("| | |%n|---|---|%n| cores | %d (%s) |%n| memory | %d MiB |%n| JVM | %s |%n| OS | %s |%n"
                + "| disk (work folder) | %s |%n| load average at the start | %s |%n%n", m.cores(), m.cpuModel(),
                m.memoryMb(), m.jvm(), m.os(), m.disk(), m.loadAverage()));
        md.append("## Run\n\n");
        md.append(format("- options: `--files %d --rate %s --db %s --steady-seconds %d%s --seed %d%s --job-ids %s`%n",
                o.files(), number(o.rate()), dbName(o), o.steadySeconds(), o.xmx() == null ? "" : " --xmx " + o.xmx(),
                o.seed(), o.repeat() > 1 ? " --repeat " + o.repeat() : "", o.jobIds()));
        md.append(format("- jobdrop: `java %s`; the baseline JVM gets the same flags%n", run.jobdropCommand()));
        md.append(format("- took %d s%n%n", run.took().toSeconds()));
        md.append("## Results\n\n```\n").append(table(run)).append("```\n\n");
        md.append("""
                ## How it was measured

                - Input: generated Bacalhau job files (0.5–2 KB; YAML, some JSON and API bodies), every one checked \
                with jobdrop's own reader first; written to a staging folder on the same filesystem, then renamed \
                into the inbox.
                - ready: from process start until `/observe/health` answers 200 (baseline: until it printed that its \
                table exists).
                - burst: every file renamed in at once; from the first rename until the stand-in has seen every job \
                Name and every file is in `.done` (the later of the last arrival and the last rename into `.done`).
                - steady: files renamed in at the given rate, each with a fresh mtime; latency is the stand-in's \
                arrival time minus the rename time (both wall clock, same machine). Once with stable-ms 0 (the \
                process that ran the burst, so warm), once with 1000 in a fresh process, warmed up first with a \
                burst of up to 2,000 other files (a cold JVM on 2 cores falls behind 50 files/s for a while).
                - rounds (--repeat N): the bursts of jobdrop, the baseline and the batched baseline again, each \
                in a fresh process on a fresh database, the three taking turns at going first; a ratio's median is \
                the median of the rounds' own ratios, each taken from bursts run minutes apart.
                - RSS: VmHWM of the process before it is stopped; CPU: utime+stime from /proc/<pid>/stat.
                - The stand-in (JDK HttpServer, 4 threads) runs in its own JVM and shares the machine's cores.
                """);
        return md.toString();
    }

    static Path write(Results.Run run, List<String> modeLines, Path folder) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(run.startedAt().format(FILE_STAMP) + "-" + dbName(run.options()) + ".md");
            Files.writeString(file, markdown(run, modeLines));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(String label, double jobdrop, double baseline, String cell) {
        return format("%-28s" + cell + cell + "%n", label, jobdrop, baseline);
    }

    private static String row(String label, long jobdrop, long baseline, String cell) {
        return format("%-28s" + cell + cell + "%n", label, jobdrop, baseline);
    }

    private static String steadyRow(Results.Steady steady) {
        Percentiles l = steady.latency();
        return format("%-12d %8d %8s %10.1f %10.1f %10.1f %10.1f%n", steady.stableMs(), l.count(),
                number(steady.rate()), l.p50Ms(), l.p99Ms(), l.maxMs(), l.meanMs());
    }

    static String dbName(BenchOptions options) {
        return options.db().name().toLowerCase(Locale.ROOT);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
