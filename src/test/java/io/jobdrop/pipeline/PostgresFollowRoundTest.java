package io.jobdrop.pipeline;

import io.jobdrop.testing.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A round of polls does not wait for the ledger one poll at a time: while the ledger's writer is held (here by row
 * locks another session takes on every job), the round still asks the orchestrator about every job it claimed, not
 * only about as many as there are follow threads; their records then share the writer's next transactions. On
 * PostgreSQL, whose row locks make the writer wait rather than fail.
 */
class PostgresFollowRoundTest extends PipelineTestSupport {

    private static final int JOBS = 24;
    private static final int FOLLOW_THREADS = 4;

    private String schema; // set on first use: the base class asks for the URL before field initializers run

    @Override
    String databaseUrl() {
        if (schema == null) {
            schema = "follow_round_" + UUID.randomUUID().toString().replace("-", "");
        }
        PostgresPipelineTest.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        return PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
    }

    @Override
    String databaseUser() {
        return "postgres";
    }

    @Override
    void tune(Properties p) {
        // the jobs stay Running and are due again long before the next round: each round claims every one of them
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(50)).stuck("^held-"));
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "200ms");
        p.put("jobdrop.follow.poll-ms", "1000");
        p.put("jobdrop.follow.batch", "50");
        p.put("jobdrop.follow.concurrency", Integer.toString(FOLLOW_THREADS));
        p.put("jobdrop.follow.lease", "30s");
    }

    @AfterEach
    void dropSchema() {
        context.stop();
        PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void a_round_polls_every_claimed_job_while_the_ledger_writer_waits() throws Exception {
        List<String> names = IntStream.range(0, JOBS).mapToObj(i -> "held-" + i).toList();
        names.forEach(name -> drop(name + ".yaml", job(name)));
        await().atMost(Duration.ofSeconds(60)).until(() -> names.stream().allMatch(n -> orchestrator.pollsOf(n) >= 2));

        // between rounds (no poll for 300 ms), so the next round claims all of them after the snapshot
        awaitQuiet(names);
        long before = polls(names);
        try (Connection locker = DriverManager.getConnection(databaseUrl(), databaseUser(), databasePassword())) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("SELECT id FROM jobs FOR UPDATE");
            }
            // recording a poll locks its job's row first: the writer now waits for this session; a follow thread
            // that waited for its poll's commit would leave the round at FOLLOW_THREADS requests
            await().atMost(Duration.ofSeconds(15)).until(() -> polls(names) - before >= JOBS);
            assertThat(polls(names) - before).isGreaterThan(FOLLOW_THREADS);
            locker.rollback();
        }

        // the held records are committed and following goes on
        long released = polls(names);
        await().atMost(Duration.ofSeconds(30)).until(() -> polls(names) - released >= 2L * JOBS);
        assertThat(ledger().followedJobs()).isEqualTo(JOBS);
        assertThat(names).allSatisfy(n -> assertThat(ledgerJob(n).state()).isEqualTo("Running"));
    }

    private long polls(List<String> names) {
        return names.stream().mapToLong(orchestrator::pollsOf).sum();
    }

    /** Waits until no job was polled for 300 ms: the last round is over and the next not yet begun. */
    private void awaitQuiet(List<String> names) {
        long[] seen = {polls(names)};
        long[] changedAt = {System.nanoTime()};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            long now = polls(names);
            if (now != seen[0]) {
                seen[0] = now;
                changedAt[0] = System.nanoTime();
            }
            return System.nanoTime() - changedAt[0] >= Duration.ofMillis(300).toNanos();
        });
    }
}
