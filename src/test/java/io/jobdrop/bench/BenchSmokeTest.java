package io.jobdrop.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs the whole benchmark in its quick mode (200 files, 3-second steady runs, the HTTP burst, the bucket, two rounds
 * of bursts) against jobdrop started from the test classpath, so the harness, the stand-in, the baseline and jobdrop itself are exercised together. It checks that the
 * harness works, not how fast jobdrop is: performance is judged from bench/run's reports.
 */
class BenchSmokeTest {

    private static final Pattern BENCH_LINE = Pattern.compile("bench: jobs_per_s=(\\S+) baseline_jobs_per_s=(\\S+)"
            + " ratio=(\\S+) p50_ms=(\\S+) p99_ms=(\\S+) rss_mb=(\\S+) ready_ms=(\\S+)");
    private static final Pattern HTTP_LINE = Pattern.compile("bench-http: jobs_per_s=(\\S+) p50_ms=(\\S+) p99_ms=(\\S+)"
            + " clients=4 files=200 refused=(\\S+) folder_burst_jobs_per_s=\\S+");

    private static final Pattern BATCHED_LINE = Pattern.compile("bench-baseline-batched: jobs_per_s=(\\S+) batch=100"
            + " workers=4 jobdrop_ratio=\\S+");
    private static final Pattern BUCKET_LINE = Pattern.compile("bench-bucket: objects_per_s=(\\S+) objects=200"
            + " duplicates=(\\S+)");
    private static final Pattern REPEAT_LINE = Pattern.compile("bench-repeat: rounds=2 jobs_per_s=(\\S+)"
            + " baseline_jobs_per_s=(\\S+) ratio=(\\S+) batched_jobs_per_s=(\\S+) batched_ratio=(\\S+)"
            + " cpu_ms_per_job=(\\S+)");

    private static final Pattern INSTANCES_LINE = Pattern.compile("bench-instances: instances=2 jobs_per_s=(\\S+)"
            + " one_instance_jobs_per_s=(\\S+) ratio=(\\S+) duplicates=0 lost=0 files=200 rounds=2"
            + " ratios=(\\S+),(\\S+)");

    @TempDir
    Path work;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quick_run_delivers_every_job_and_ends_with_the_bench_line() throws IOException {
        BenchOptions options = BenchOptions.parse("--files", "200", "--steady-seconds", "3", "--stall-seconds", "30",
                "--http", "--bucket", "--repeat", "2", "--job-ids", "time-ordered", "--work", work.toString(),
                "--results", work.resolve("results").toString(),
                "--jobdrop-classpath", JavaCommand.withoutTestClasses(JavaCommand.ownClasspath()));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        Results.Run run = Bench.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8));

        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        List<String> lines = output.lines().toList();
        Matcher benchLine = BENCH_LINE.matcher(lines.get(lines.size() - 1));
        assertThat(benchLine.matches()).as("last line of:%n%s", output).isTrue();
        for (int group = 1; group <= benchLine.groupCount(); group++) {
            assertThat(Double.parseDouble(benchLine.group(group))).as(benchLine.group(0)).isPositive();
        }
        assertThat(output).as("the table names the job IDs").contains(", time-ordered job IDs");
        Matcher httpLine = HTTP_LINE.matcher(output);
        assertThat(httpLine.find()).as("HTTP line in:%n%s", output).isTrue();
        assertThat(Double.parseDouble(httpLine.group(1))).as(httpLine.group(0)).isPositive();
        assertThat(Double.parseDouble(httpLine.group(2))).as(httpLine.group(0)).isPositive();
        assertThat(httpLine.group(4)).as(httpLine.group(0)).isEqualTo("0");
        Matcher batchedLine = BATCHED_LINE.matcher(output);
        assertThat(batchedLine.find()).as("batched baseline line in:%n%s", output).isTrue();
        assertThat(Double.parseDouble(batchedLine.group(1))).as(batchedLine.group(0)).isPositive();
        Matcher bucketLine = BUCKET_LINE.matcher(output);
        assertThat(bucketLine.find()).as("bucket line in:%n%s", output).isTrue();
        assertThat(Double.parseDouble(bucketLine.group(1))).as(bucketLine.group(0)).isPositive();
        assertThat(bucketLine.group(2)).as("each object's job sent once").isEqualTo("0");
        Matcher repeatLine = REPEAT_LINE.matcher(output);
        assertThat(repeatLine.find()).as("repeat line in:%n%s", output).isTrue();
        for (int group = 1; group <= repeatLine.groupCount(); group++) {
            assertThat(Double.parseDouble(repeatLine.group(group))).as(repeatLine.group(0)).isPositive();
        }
        try (var reports = Files.list(work.resolve("results"))) {
            String report = Files.readString(reports.findFirst().orElseThrow());
            assertThat(report).as("the report holds the lines of the other modes")
                    .contains(httpLine.group(0), batchedLine.group(0), bucketLine.group(0), repeatLine.group(0));
        }
        assertThat(run.rounds()).hasSize(2);
        Results.Round second = run.rounds().get(1);
        assertThat(List.of(second.jobdrop(), second.baseline(), second.batched()))
                .as("the second round's bursts, each of every file").allSatisfy(burst -> {
                    assertThat(burst.files()).isEqualTo(200);
                    assertThat(burst.duplicatePuts()).isZero();
                });
        assertThat(run.medians().ratio()).as("the median of two rounds' ratios is their mean")
                .isCloseTo((run.rounds().get(0).ratio() + second.ratio()) / 2, within(1e-9));
        assertThat(run.jobdrop().burst().files()).isEqualTo(200);
        assertThat(run.baseline().burst().files()).isEqualTo(200);
        assertThat(run.jobdrop().steady().latency().count()).isEqualTo(options.steadyFiles());
        assertThat(run.jobdropStable().steady().latency().count()).isEqualTo(options.steadyFiles());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void instances_are_measured_in_every_round_against_that_rounds_one_instance_burst() {
        BenchOptions options = BenchOptions.parse("--files", "200", "--steady-seconds", "1", "--stall-seconds", "30",
                "--db", "postgres", "--instances", "2", "--repeat", "2", "--work", work.toString(),
                "--jobdrop-classpath", JavaCommand.withoutTestClasses(JavaCommand.ownClasspath()));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        Results.Run run = Bench.run(options, new PrintStream(captured, true, StandardCharsets.UTF_8));

        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(run.rounds()).hasSize(2).allSatisfy(round -> {
            assertThat(round.instances().files()).isEqualTo(200);
            assertThat(round.instances().duplicatePuts()).isZero();
            assertThat(round.instances().lost()).isZero();
        });
        Matcher line = INSTANCES_LINE.matcher(output);
        assertThat(line.find()).as("instances line in:%n%s", output).isTrue();
        Results.Round first = run.rounds().get(0);
        Results.Round second = run.rounds().get(1);
        assertThat(Double.parseDouble(line.group(3))).as("the median of two rounds' ratios is their mean")
                .isCloseTo((first.instancesRatio() + second.instancesRatio()) / 2, within(0.006));
        assertThat(Double.parseDouble(line.group(4))).isCloseTo(first.instancesRatio(), within(0.006));
        assertThat(Double.parseDouble(line.group(5))).isCloseTo(second.instancesRatio(), within(0.006));
        assertThat(first.instancesRatio()).as("against the round's own one-instance burst")
                .isCloseTo(first.instances().jobsPerSecond() / first.jobdrop().jobsPerSecond(), within(1e-9));
    }
}
