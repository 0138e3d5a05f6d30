package io.jobdrop.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** What one benchmark run measured. */
final class Results {

    private Results() {
    }

    /** All files dropped at once: from the first rename until every job arrived and every file was in .done. */
    record Burst(int files, double seconds, double cpuSeconds, double firstArrivalMs, long duplicatePuts) {

        double jobsPerSecond() {
            return files / seconds;
        }

        double cpuMsPerJob() {
            return cpuSeconds * 1000 / files;
        }
    }

    /** Files dropped at a steady rate: latency from the rename into the inbox to the arrival at the stand-in. */
    record Steady(long stableMs, double rate, Percentiles latency, long duplicatePuts) {
    }

    /** One measured process (a jobdrop or the baseline) from start to stop. */
    record Process(String label, long readyMs, Burst burst, Steady steady, double peakRssMb, double cpuSeconds,
                   int exitCode) {
    }

    /**
     * One round of bursts: jobdrop, the baseline and the batched baseline on the same files, each in a fresh process,
     * one right after the other, so that the three meet the machine in the same state; with --instances, then the
     * burst through the instances ({@code instances}, null without), compared with this round's jobdrop burst.
     */
    record Round(int number, Burst jobdrop, Burst baseline, Burst batched, ScaleOut.Instances instances) {

        double ratio() {
            return jobdrop.jobsPerSecond() / baseline.jobsPerSecond();
        }

        double batchedRatio() {
            return jobdrop.jobsPerSecond() / batched.jobsPerSecond();
        }

        double instancesRatio() {
            return instances.jobsPerSecond() / jobdrop.jobsPerSecond();
        }
    }

    /** What --repeat reports: jobs/s of each burst, jobdrop's ratios to the two baselines and its CPU per job. */
    record Medians(double jobdrop, double baseline, double batched, double ratio, double batchedRatio,
                   double cpuMsPerJob) {
    }

    /** @param rounds the first round (the bursts above) and, with --repeat, the later ones */
    record Run(BenchOptions options, MachineFacts machine, String jobdropCommand, ZonedDateTime startedAt,
               Duration took, Process jobdrop, Process jobdropStable, Process baseline, double standInCpuSeconds,
               List<Round> rounds) {

        /** The medians over the rounds; a ratio's is the median of the rounds' own ratios. */
        Medians medians() {
            return new Medians(median(round -> round.jobdrop().jobsPerSecond()),
                    median(round -> round.baseline().jobsPerSecond()), median(round -> round.batched().jobsPerSecond()),
                    median(Round::ratio), median(Round::batchedRatio), median(round -> round.jobdrop().cpuMsPerJob()));
        }

        /** The median over the rounds: the middle value, or the mean of the two middle ones. */
        double median(ToDoubleFunction<Round> value) {
            double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }
}
