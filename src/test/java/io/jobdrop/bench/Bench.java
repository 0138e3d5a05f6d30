package io.jobdrop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark harness: generates the job files, starts the stand-in, measures {@code jobdrop run} (ready, burst,
 * steady latency, RSS, CPU) and the hand-written {@link Baseline} side by side, and reports. Every phase has a stall
 * timeout and every child process is stopped when the harness ends. See bench/run for usage.
 */
public final class Bench {

    /** What {@code ./jobdrop run} gives the JVM (besides its start-up archive); the baseline gets the same. */
    static final List<String> LAUNCHER_RUN_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
            "-Xmx144m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=64m");
    static final long DEFAULT_STABLE_MS = 1000;
    /** The batched baseline: files per commit and workers, the yardstick for the ledger's group commit. */
    static final int BATCH = 100;
    static final int WORKERS = 4;

    private final BenchOptions options;
    private final PrintStream out;
    private final Duration stall;

    private Bench(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.stall = Duration.ofSeconds(options.stallSeconds());
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options, System.out);
            System.exit(0);
        } catch (BenchFailure | UncheckedIOException e) {
            System.err.println("bench: FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs the whole benchmark; the last line printed to {@code out} is {@link Report#benchLine}. */
    public static Results.Run run(BenchOptions options, PrintStream out) {
        return new Bench(options, out).run();
    }

    private Results.Run run() {
        ZonedDateTime startedAt = ZonedDateTime.now();
        long startNanos = System.nanoTime();
        String stamp = startedAt.format(Report.FILE_STAMP);
        Path runDir = options.work().resolve(stamp + "-" + Report.dbName(options)).toAbsolutePath();
        List<String> extraFlags = extraFlags();
        List<String> jvmFlags = new ArrayList<>(LAUNCHER_RUN_FLAGS);
        jvmFlags.addAll(extraFlags);
        JobdropProcess.Launch launch = new JobdropProcess.Launch(options.launcher().toAbsolutePath(),
                options.jar() == null ? null : options.jar().toAbsolutePath(), options.jobdropClasspath(), extraFlags,
                Map.of("JOBDROP_JOB_IDS", options.jobIds()));
        if (launch.jar() != null && !Files.isRegularFile(launch.jar())) {
            throw new BenchFailure("no jobdrop jar at " + launch.jar() + " (build it with mvn -o -DskipTests package)");
        }
        MachineFacts machine = MachineFacts.collect(createDirectories(runDir));
        Inputs inputs = Inputs.generate(options, runDir.resolve("staging"), out);
        // only now: right after deleting many files, creating new ones is slow on these machines
        removeEarlierRuns(runDir);
        try (BenchDatabase databases = new BenchDatabase(options.db(), runDir.resolve("db"), stamp);
             Child standInProcess = startStandIn(runDir)) {
            StandInClient standIn = new StandInClient(Integer.parseInt(
                    standInProcess.awaitLogLine(StandIn.READY_PREFIX, Duration.ofSeconds(60))));
            Phases phases = new Phases(standIn, stall, out);

            out.println("bench: jobdrop, stable-ms 0: ready, burst of " + options.files() + ", steady "
                    + options.steadyFiles() + " files");
            Results.Process jobdrop = measureJobdrop("jobdrop", launch, databases, runDir, standIn, 0, "burst",
                    inputs.burstForJobdrop(), inputs.steady(), phases);
            HttpBurst.Result http = null;
            if (options.http()) {
                out.println("bench: jobdrop, HTTP intake: ready, " + options.files() + " files posted by "
                        + HttpBurst.CLIENTS + " clients");
                http = measureHttp(launch, databases, runDir, standIn, inputs.burstForBaseline());
            }
            out.println("bench: jobdrop, stable-ms " + DEFAULT_STABLE_MS + ": ready, warm-up burst of "
                    + inputs.warmUp().size() + " (so both steady runs are warm), steady " + options.steadyFiles()
                    + " files");
            Results.Process jobdropStable = measureJobdrop("jobdrop-stable", launch, databases, runDir, standIn,
                    DEFAULT_STABLE_MS, "warm-up", inputs.warmUp(), inputs.steadyStable(), phases);
            out.println("bench: baseline: ready, burst of " + options.files());
            Results.Process baseline = measureBaseline("baseline", List.of(), databases, runDir, standIn, jvmFlags,
                    inputs.burstForBaseline(), phases);
            out.println("bench: baseline, " + BATCH + " files per commit, " + WORKERS + " workers: ready, burst of "
                    + options.files());
            Results.Process batched = measureBaseline("baseline-batched", batchedMode(), databases, runDir, standIn,
                    jvmFlags, inputs.burstForBatchedBaseline(), phases);
            ScaleOut scaleOut = new ScaleOut(launch, databases, runDir, standIn, phases, stall, out);
            ScaleOut.Instances instances = options.instances() > 1
                    ? instances(scaleOut, 1, inputs.burstForInstances()) : null;
            List<Results.Round> rounds = new ArrayList<>(List.of(new Results.Round(1, jobdrop.burst(),
                    baseline.burst(), batched.burst(), instances)));
            for (Inputs.Round later : inputs.laterRounds()) {
                int number = rounds.size() + 1;
                out.println("bench: round " + number + " of " + options.repeat() + ": the bursts of jobdrop, the"
                        + " baseline and the batched baseline" + (later.instances().isEmpty() ? "" : ", then the "
                        + options.instances() + " instances") + ", in fresh processes");
                rounds.add(round(number, later, launch, databases, runDir, standIn, jvmFlags, phases, scaleOut));
            }
            ScaleOut.Bucket bucket = null;
            if (options.bucket()) {
                out.println("bench: jobdrop taking " + options.files() + " objects from a bucket (S3Proxy)");
                bucket = scaleOut.bucket(inputs.burstForBucket());
            }
            Results.Run result = new Results.Run(options, machine, launch.describe(), startedAt,
                    Duration.ofNanos(System.nanoTime() - startNanos), jobdrop, jobdropStable, baseline,
                    standInProcess.stats().cpuSeconds(), rounds);
            // the lines of the other modes, in the report too: a figure quoted from a run can be found in its report
            List<String> modeLines = new ArrayList<>();
            if (http != null) {
                modeLines.add(String.format(Locale.ROOT, "bench-http: jobs_per_s=%.1f p50_ms=%.1f p99_ms=%.1f"
                                + " clients=%d files=%d refused=%d folder_burst_jobs_per_s=%.1f", http.jobsPerSecond(),
                        http.latency().p50Ms(), http.latency().p99Ms(), http.clients(), http.files(), http.refused(),
                        jobdrop.burst().jobsPerSecond()));
            }
            modeLines.add(String.format(Locale.ROOT, "bench-baseline-batched: jobs_per_s=%.1f batch=%d workers=%d"
                            + " jobdrop_ratio=%.2f", batched.burst().jobsPerSecond(), BATCH, WORKERS,
                    jobdrop.burst().jobsPerSecond() / batched.burst().jobsPerSecond()));
            if (instances != null) {
                modeLines.add(Report.instancesLine(result));
            }
            if (bucket != null) {
                modeLines.add(String.format(Locale.ROOT, "bench-bucket: objects_per_s=%.1f objects=%d duplicates=%d",
                        bucket.objectsPerSecond(), bucket.objects(), bucket.duplicatePuts()));
            }
            if (options.results() != null) {
                out.println("bench: report written to " + Report.write(result, modeLines, options.results()));
            }
            out.println();
            modeLines.forEach(out::println);
            if (rounds.size() > 1) {
                out.println(Report.repeatLine(result));
            }
            out.print(Report.table(result));
            out.println(Report.benchLine(result));
            return result;
        }
    }

    private Results.Process measureJobdrop(String label, JobdropProcess.Launch launch, BenchDatabase databases,
                                           Path runDir, StandInClient standIn, long stableMs, String burstName,
                                           List<Generator.StagedFile> burstFiles,
                                           List<Generator.StagedFile> steadyFiles, Phases phases) {
        standIn.reset();
        try (JobdropProcess jobdrop = JobdropProcess.start(label, launch, runDir.resolve(label),
                databases.fresh(label), standIn.baseUrl(), stableMs)) {
            long readyMs = jobdrop.awaitHealthy(Duration.ofSeconds(120));
            out.println("bench:   " + label + " healthy after " + readyMs + " ms");
            Results.Burst burst = phases.burst(burstName, burstFiles, jobdrop.inbox(),
                    jobdrop.child());
            Results.Steady steady = steadyFiles.isEmpty() ? null : phases.steady(steadyFiles, jobdrop.inbox(),
                    jobdrop.child(), options.rate(), stableMs);
            ProcStats stats = jobdrop.stats();
            int exitCode = jobdrop.stop();
            return new Results.Process(label, readyMs, burst, steady, stats.peakRssMb(), stats.cpuSeconds(),
                    exitCode);
        }
    }

    /**
     * A fresh jobdrop (stable-ms 0, its own ledger) taking the burst's files over HTTP; the files are only read (they
     * are the baseline's copies, still to be moved into its inbox). Done once every job reached the stand-in.
     */
    private HttpBurst.Result measureHttp(JobdropProcess.Launch launch, BenchDatabase databases, Path runDir,
                                         StandInClient standIn, List<Generator.StagedFile> files) {
        standIn.reset();
        try (JobdropProcess jobdrop = JobdropProcess.start("jobdrop-http", launch, runDir.resolve("jobdrop-http"),
                databases.fresh("jobdrop-http"), standIn.baseUrl(), 0)) {
            long readyMs = jobdrop.awaitHealthy(Duration.ofSeconds(120));
            out.println("bench:   jobdrop-http healthy after " + readyMs + " ms");
            HttpBurst.Result result = HttpBurst.run(jobdrop.jobsUri(), files, HttpBurst.CLIENTS, stall);
            long deadline = System.nanoTime() + stall.toNanos();
            while (standIn.stats().distinct() < result.acceptedJobs()) {
                if (System.nanoTime() > deadline) {
                    throw new BenchFailure("jobdrop-http: " + standIn.stats().distinct() + " of "
                            + result.acceptedJobs() + " accepted jobs reached the stand-in");
                }
                Child.pause(50);
            }
            out.printf(Locale.ROOT, "bench:   jobdrop-http %d accepted jobs in %.1f s: %.1f jobs/s, p50 %.1f ms,"
                            + " p99 %.1f ms%n", result.acceptedJobs(), result.seconds(), result.jobsPerSecond(),
                    result.latency().p50Ms(), result.latency().p99Ms());
            jobdrop.stop();
            return result;
        }
    }

    /**
     * One more round of --repeat. The three processes take turns at going first (round 2 starts with the baseline,
     * round 3 with the batched baseline), so that a machine growing slower or faster during the run does not favour
     * one of them.
     */
    private Results.Round round(int number, Inputs.Round files, JobdropProcess.Launch launch,
                                BenchDatabase databases, Path runDir, StandInClient standIn, List<String> jvmFlags,
                                Phases phases, ScaleOut scaleOut) {
        Results.Burst[] bursts = new Results.Burst[3];
        for (int turn = 0; turn < 3; turn++) {
            int which = (turn + number - 1) % 3;
            bursts[which] = switch (which) {
                case 0 -> measureJobdrop("jobdrop-" + number, launch, databases, runDir, standIn, 0, "burst",
                        files.jobdrop(), List.of(), phases).burst();
                case 1 -> measureBaseline("baseline-" + number, List.of(), databases, runDir, standIn, jvmFlags,
                        files.baseline(), phases).burst();
                default -> measureBaseline("baseline-batched-" + number, batchedMode(), databases, runDir, standIn,
                        jvmFlags, files.batched(), phases).burst();
            };
        }
        return new Results.Round(number, bursts[0], bursts[1], bursts[2],
                files.instances().isEmpty() ? null : instances(scaleOut, number, files.instances()));
    }

    /** The burst through --instances processes, right after the bursts of its round. */
    private ScaleOut.Instances instances(ScaleOut scaleOut, int round, List<Generator.StagedFile> files) {
        out.println("bench: " + options.instances() + " jobdrop instances on one ledger and one inbox, stable-ms 0:"
                + " ready, burst of " + files.size());
        return scaleOut.instances(options.instances(), round, files);
    }

    private static List<String> batchedMode() {
        return List.of("--batch", Integer.toString(BATCH), "--workers", Integer.toString(WORKERS));
    }

    private Results.Process measureBaseline(String label, List<String> mode, BenchDatabase databases, Path runDir,
                                            StandInClient standIn, List<String> jvmFlags,
                                            List<Generator.StagedFile> burstFiles, Phases phases) {
        standIn.reset();
        Path home = runDir.resolve(label);
        Path inbox = createDirectories(home.resolve("inbox"));
        BenchDatabase.Target db = databases.fresh(label);
        List<String> arguments = new ArrayList<>(List.of("--inbox", inbox.toString(), "--db-url", db.url(),
                "--db-user", db.user(), "--db-password", db.password(), "--orchestrator", standIn.baseUrl()));
        arguments.addAll(mode);
        List<String> command = JavaCommand.mainClass(jvmFlags, JavaCommand.ownClasspath(), Baseline.class.getName(),
                arguments);
        try (Child baseline = Child.start(label, command, Map.of(), List.of("JOBDROP_"), home,
                home.resolve(label + ".log"))) {
            baseline.awaitLogLine(Baseline.READY_LINE, Duration.ofSeconds(120));
            long readyMs = baseline.elapsedMs();
            out.println("bench:   " + label + " ready after " + readyMs + " ms");
            Results.Burst burst = phases.burst("burst", burstFiles, inbox, baseline);
            ProcStats stats = baseline.stats();
            int exitCode = baseline.stop(Duration.ofSeconds(30));
            return new Results.Process(label, readyMs, burst, null, stats.peakRssMb(), stats.cpuSeconds(),
                    exitCode);
        }
    }

    private Child startStandIn(Path runDir) {
        List<String> command = JavaCommand.mainClass(List.of("-XX:+UseSerialGC", "-Xmx512m"),
                JavaCommand.ownClasspath(), StandIn.class.getName(), List.of("--port", "0"));
        return Child.start("stand-in", command, Map.of(), List.of(), runDir, runDir.resolve("stand-in.log"));
    }

    /** JOBDROP_JAVA_OPTS, then --xmx: what goes after the launcher's own flags. */
    private List<String> extraFlags() {
        List<String> flags = new ArrayList<>();
        String extra = System.getenv("JOBDROP_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            flags.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (options.xmx() != null) {
            flags.add("-Xmx" + options.xmx());
        }
        return flags;
    }

    private void removeEarlierRuns(Path runDir) {
        try (Stream<Path> runs = Files.list(runDir.getParent())) {
            for (Path earlier : runs.filter(path -> !path.equals(runDir) && Files.isDirectory(path)).toList()) {
                deleteTree(earlier);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
