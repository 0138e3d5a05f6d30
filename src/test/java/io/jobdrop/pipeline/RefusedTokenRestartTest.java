package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** After a 401, a restart with another token forwards at once instead of waiting out the pause of the refused one. */
class RefusedTokenRestartTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started().requireToken("right-token");

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    @Test
    void a_restart_with_another_token_forwards_at_once_after_a_401() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        PipelineTestSupport.dropInto(inbox, "paused.yaml", PipelineTestSupport.job("paused"));

        try (JobdropProcess wrong = jobdrop(inbox, "wrong-token").start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> orchestrator.submissions().stream()
                    .anyMatch(r -> r.status() == 401));
            assertThat(wrong.terminate()).isZero();
        }
        assertThat(orchestrator.createdCount("paused")).isZero();

        long start = System.nanoTime();
        try (JobdropProcess right = jobdrop(inbox, "right-token").start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("paused") == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("well inside the 10 min pause")
                    .isLessThan(Duration.ofSeconds(60));
            assertThat(right.logText()).contains("1 jobs paused after the orchestrator refused other credentials are due now")
                    .doesNotContain("right-token", "wrong-token");
        }
    }

    private JobdropProcess jobdrop(Path inbox, String token) {
        Map<String, String> env = new HashMap<>(Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_INBOX_POLL_MS", "20",
                "JOBDROP_FORWARD_POLL_MS", "50", "JOBDROP_FORWARD_AUTH_PAUSE", "10m",
                "JOBDROP_ORCHESTRATOR_TOKEN", token));
        return new JobdropProcess(List.of("--inbox", inbox.toString(), "--db",
                "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath(), "--orchestrator", orchestrator.url()),
                env, work.resolve("jobdrop-" + token + ".log"), AvailablePortFinder.getNextAvailable(18700, 18999));
    }
}
