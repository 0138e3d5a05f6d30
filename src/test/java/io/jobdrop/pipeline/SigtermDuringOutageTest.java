package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import io.jobdrop.testing.PrivatePostgres;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** SIGTERM while the ledger's database is down: jobdrop stops in bounded time instead of waiting for the database. */
class SigtermDuringOutageTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private PrivatePostgres postgres;

    @BeforeAll
    static void needsAPrivateCluster() {
        assumeThat(PrivatePostgres.unavailableReason()).as("skipped: %s", PrivatePostgres.unavailableReason()).isNull();
    }

    @AfterEach
    void cleanUp() {
        orchestrator.close();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void stops_within_the_shutdown_bound_when_sigterm_arrives_during_a_ledger_outage() throws Exception {
        postgres = PrivatePostgres.started();
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        try (JobdropProcess jobdrop = new JobdropProcess(List.of("--inbox", inbox.toString(), "--db", postgres.jdbcUrl(),
                "--orchestrator", orchestrator.url()), Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_DB_USER", "postgres"),
                work.resolve("jobdrop.log"), AvailablePortFinder.getNextAvailable(18700, 18999)).start()) {
            IntStream.range(0, 20).forEach(i -> write(inbox, "early-" + i));
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.acceptedCount() >= 1);

            postgres.stop();
            IntStream.range(0, 20).forEach(i -> write(inbox, "late-" + i));
            await().atMost(Duration.ofSeconds(30)).until(() -> jobdrop.logText().contains("ledger outage:"));

            long start = System.nanoTime();
            int exit = jobdrop.terminate();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as(jobdrop.logText()).isLessThan(Duration.ofSeconds(45));
            assertThat(exit).as(jobdrop.logText()).isZero();
            assertThat(jobdrop.logText()).doesNotContain("FatalFallbackErrorHandler");
        }
        assertThat(Files.list(inbox).map(p -> p.getFileName().toString()).filter(n -> n.startsWith("late-")))
                .as("files the ledger did not take stay in the inbox").isNotEmpty();
    }

    private static void write(Path inbox, String name) {
        PipelineTestSupport.dropInto(inbox, name + ".yaml", PipelineTestSupport.job(name));
    }
}
