package io.jobdrop.bench;

import io.jobdrop.testing.S3ProxyServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale-out measurements: the burst through several jobdrop processes sharing one ledger and one inbox
 * ({@code --instances N}), and the burst taken from a bucket on S3Proxy ({@code --bucket}).
 */
final class ScaleOut {

    static final String BUCKET = "bench-jobs";

    /** N instances on one folder: throughput, jobs the stand-in saw more than once, files neither done nor failed. */
    record Instances(int instances, int files, double seconds, long duplicatePuts, long lost) {
        double jobsPerSecond() {
            return files / seconds;
        }
    }

    /** One instance draining a bucket: objects per second from healthy to the last arrival. */
    record Bucket(int objects, double seconds, long duplicatePuts) {
        double objectsPerSecond() {
            return objects / seconds;
        }
    }

    private final JobdropProcess.Launch launch;
    private final BenchDatabase databases;
    private final Path runDir;
    private final StandInClient standIn;
    private final Phases phases;
    private final Duration stall;
    private final PrintStream out;

    ScaleOut(JobdropProcess.Launch launch, BenchDatabase databases, Path runDir, StandInClient standIn, Phases phases,
             Duration stall, PrintStream out) {
        this.launch = launch;
        this.databases = databases;
        this.runDir = runDir;
        this.standIn = standIn;
        this.phases = phases;
        this.stall = stall;
        this.out = out;
    }

    /** @param round the round of --repeat (1 for the first): each round has its own folders and ledger */
    Instances instances(int count, int round, List<Generator.StagedFile> files) {
        standIn.reset();
        String label = "jobdrop-x" + count + (round == 1 ? "" : "-round-" + round);
        Path home = runDir.resolve(label);
        Path inbox = home.resolve("inbox");
        BenchDatabase.Target db = databases.fresh(label);
        List<JobdropProcess> processes = new ArrayList<>();
        try {
            for (int i = 1; i <= count; i++) {
                JobdropProcess process = JobdropProcess.start(label + "-" + i, launch,
                        home.resolve("instance-" + i), inbox, db, standIn.baseUrl(), 0, Map.of());
                processes.add(process);
                long readyMs = process.awaitHealthy(Duration.ofSeconds(120));
                out.println("bench:   " + process.child().label() + " healthy after " + readyMs + " ms");
            }
            Results.Burst burst = phases.burst("burst", files, inbox, processes.get(0).child());
            long filed = Completion.countFiles(inbox.resolve(".done")) + Completion.countFiles(inbox.resolve(".error"));
            for (JobdropProcess process : processes) {
                process.stop();
            }
            return new Instances(count, files.size(), burst.seconds(), standIn.stats().duplicates(),
                    files.size() - filed);
        } finally {
            processes.forEach(JobdropProcess::close);
        }
    }

    Bucket bucket(List<Generator.StagedFile> files) {
        standIn.reset();
        Path home = runDir.resolve("jobdrop-bucket");
        try (S3ProxyServer s3 = S3ProxyServer.started(BUCKET)) {
            for (Generator.StagedFile file : files) {
                s3.put(BUCKET, "inbox/" + file.path().getFileName(), Files.readString(file.path()));
            }
            out.println("bench:   " + files.size() + " objects put into s3://" + BUCKET + "/inbox/");
            try (JobdropProcess jobdrop = JobdropProcess.start("jobdrop-bucket", launch, home, home.resolve("inbox"),
                    databases.fresh("jobdrop-bucket"), standIn.baseUrl(), 0, Map.of(
                            "JOBDROP_S3_BUCKET", BUCKET, "JOBDROP_S3_ENDPOINT", s3.endpoint(),
                            "JOBDROP_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
                            "JOBDROP_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY))) {
                long readyMs = jobdrop.awaitHealthy(Duration.ofSeconds(120));
                // from healthy: the bucket route starts a little earlier, so this flatters by at most a poll or two
                long readyMicros = EpochMicros.now();
                out.println("bench:   jobdrop-bucket healthy after " + readyMs + " ms");
                long lastArrival = awaitArrivals(files.size(), jobdrop.child());
                double seconds = Math.max(1e-3, (lastArrival - Math.min(readyMicros, lastArrival)) / 1e6);
                Bucket bucket = new Bucket(files.size(), seconds, standIn.stats().duplicates());
                out.printf(Locale.ROOT, "bench:   jobdrop-bucket: %d objects in %.2f s = %.1f objects/s%n",
                        files.size(), seconds, bucket.objectsPerSecond());
                jobdrop.stop();
                return bucket;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-in's last first-arrival once every job arrived; fails when nothing moves for the stall time. */
    private long awaitArrivals(int expected, Child process) {
        long lastSeen = -1;
        long lastProgressAt = System.nanoTime();
        while (true) {
            StandInClient.Stats stats = standIn.stats();
            if (stats.distinct() >= expected) {
                return stats.lastArrivalMicros();
            }
            if (stats.distinct() != lastSeen) {
                lastSeen = stats.distinct();
                lastProgressAt = System.nanoTime();
            } else if (System.nanoTime() - lastProgressAt > stall.toNanos()) {
                throw new BenchFailure(process.label() + " made no progress for " + stall.toSeconds() + " s: "
                        + stats.distinct() + "/" + expected + " objects arrived; " + process.tail());
            }
            if (!process.isAlive()) {
                throw new BenchFailure(process.label() + " " + process.state() + " while taking the bucket; "
                        + process.tail());
            }
            Child.pause(50);
        }
    }
}
