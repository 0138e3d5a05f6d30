package io.jobdrop.pipeline;

import io.jobdrop.testing.Lifecycle;
import io.jobdrop.testing.RecordedRequest;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cost of following many jobs that run for a long time, measured at a smaller scale: 300 jobs that stay Running,
 * polled at most every 2 s, claims capped at 20 per 100 ms (200 requests/s). It prints the steady rate it saw; it
 * asserts only that following goes on (every job polled again and again), since timings are not for unit tests.
 */
class FollowRateTest extends PipelineTestSupport {

    private static final int JOBS = 300;

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(50)).stuck("^long-"));
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "2s");
        p.put("jobdrop.follow.poll-ms", "100");
        p.put("jobdrop.follow.batch", "20");
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18200, 18299)));
    }

    @Test
    void long_running_jobs_are_polled_at_the_max_interval_within_the_claim_cap() {
        List<String> names = IntStream.range(0, JOBS).mapToObj(i -> "long-" + i).toList();
        names.forEach(name -> drop(name + ".yaml", job(name)));
        orchestrator.awaitAccepted(JOBS, Duration.ofSeconds(120));

        // steady state: every job has been polled often enough for its interval to reach the maximum (2 s)
        await().atMost(Duration.ofSeconds(120)).until(() -> names.stream().allMatch(n -> orchestrator.pollsOf(n) >= 6));
        long from = System.nanoTime();
        int before = gets().size();
        await().atMost(Duration.ofSeconds(120)).until(() -> names.stream().allMatch(n -> orchestrator.pollsOf(n) >= 9));
        double seconds = (System.nanoTime() - from) / 1e9;
        int polls = gets().size() - before;

        double rate = polls / seconds;
        System.out.printf("follow rate: %d long-running jobs, %d polls in %.1f s = %.0f requests/s (max-interval 2 s: "
                + "ideal %.0f/s; cap %d/s); at 10,000 jobs and 60 s: %.0f/s%n", JOBS, polls, seconds, rate,
                JOBS / 2.0, 200, rate * (10_000.0 / JOBS) * (2.0 / 60.0));
        assertThat(ledger().followedJobs()).isEqualTo(JOBS);
        assertThat(names).allSatisfy(n -> assertThat(ledgerJob(n).state()).isEqualTo("Running"));
    }

    private List<RecordedRequest> gets() {
        return orchestrator.requests().stream().filter(r -> r.method().equals("GET")).toList();
    }
}
