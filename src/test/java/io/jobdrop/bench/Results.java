package io.jobdrop.bench;

import java.time.Duration;
import java.time.ZonedDateTime;

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

    record Run(BenchOptions options, MachineFacts machine, String jobdropCommand, ZonedDateTime startedAt,
               Duration took, Process jobdrop, Process jobdropStable, Process baseline, double standInCpuSeconds) {
    }
}
