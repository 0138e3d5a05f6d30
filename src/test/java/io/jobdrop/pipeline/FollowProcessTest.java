package io.jobdrop.pipeline;

import io.jobdrop.store.EventType;
import io.jobdrop.store.JobEvent;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.testing.BacalhauDouble;
import io.jobdrop.testing.Lifecycle;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Following survives a kill -9: due times and leases are in the ledger, so a restarted jobdrop follows on. */
class FollowProcessTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    @Test
    void following_resumes_after_a_kill_9_and_every_job_ends_with_one_result() throws Exception {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofSeconds(2)));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String db = "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
        List<String> names = IntStream.range(0, 30).mapToObj(i -> "kill-" + i).toList();
        for (String name : names) {
            PipelineTestSupport.dropInto(inbox, name + ".yaml", PipelineTestSupport.job(name));
        }

        try (JobdropProcess first = jobdrop(inbox, db).start()) {
            orchestrator.awaitAccepted(30, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.requests().stream()
                    .anyMatch(r -> r.method().equals("GET")));
            first.kill();
        }
        assertThat(results(inbox)).hasSizeLessThan(30);

        try (JobdropProcess second = jobdrop(inbox, db).start()) {
            await().atMost(Duration.ofSeconds(90)).until(() -> results(inbox).size() == 30);
        }
        try (var ds = LedgerDatabase.open(db, "sa", "")) {
            JobLedger ledger = new JobLedger(ds, Clock.systemUTC(), "test");
            for (String name : names) {
                assertThat(ledger.show(name).orElseThrow().summary().state()).as(name).isEqualTo("Completed");
                assertThat(ledger.show(name).orElseThrow().events()).extracting(JobEvent::type).as(name)
                        .containsOnlyOnce(EventType.COMPLETED);
            }
            assertThat(ledger.followedJobs()).isZero();
        }
    }

    private static List<String> results(Path inbox) {
        Path done = inbox.resolve(".done");
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".result.json")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JobdropProcess jobdrop(Path inbox, String db) {
        int port = AvailablePortFinder.getNextAvailable(18200, 18299);
        return new JobdropProcess(List.of("--inbox", inbox.toString(), "--db", db, "--orchestrator", orchestrator.url()),
                Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_INBOX_POLL_MS", "20", "JOBDROP_FORWARD_POLL_MS", "50",
                        "JOBDROP_FOLLOW_FIRST_POLL", "200ms", "JOBDROP_FOLLOW_MAX_INTERVAL", "1s",
                        "JOBDROP_FOLLOW_POLL_MS", "50", "JOBDROP_FOLLOW_LEASE", "2s", "JOBDROP_DB_USER", "sa"),
                work.resolve("jobdrop-" + port + ".log"), port);
    }
}
