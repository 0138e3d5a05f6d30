package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.testing.BacalhauDouble;
import io.jobdrop.testing.WebhookReceiver;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook notifications survive a kill -9 of jobdrop in the middle of a delivery: nothing is lost. */
class NotificationKillTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private final WebhookReceiver receiver = WebhookReceiver.started();
    private String schema;

    @AfterEach
    void cleanUp() {
        orchestrator.close();
        receiver.close();
        if (schema != null) {
            PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void loses_no_notification_when_killed_hard_mid_delivery(String database) throws Exception {
        String db = database(database);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        List<String> doomed = IntStream.range(0, 3).mapToObj(i -> "doomed-" + i).toList();
        orchestrator.rejectNames(doomed.toArray(String[]::new));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path bad = PipelineTestSupport.dropInto(inbox, "bad-" + i + ".yaml", "Name: broken\nType: [batch\n");
            expected.add("io.jobdrop.file.rejected " + bad);
        }
        doomed.forEach(name -> PipelineTestSupport.dropInto(inbox, name + ".yaml", PipelineTestSupport.job(name)));
        receiver.holdAll();

        try (JobdropProcess first = jobdrop(inbox, db, AvailablePortFinder.getNextAvailable(18300, 18399)).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.heldNow() > 0);
            first.kill();
        }
        receiver.release();

        int port = AvailablePortFinder.getNextAvailable(18300, 18399);
        try (JobdropProcess second = jobdrop(inbox, db, port).start()) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + port, null);
            try {
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                    JsonNode counts = api.get("/api/v1/stats").json().get("notifications");
                    return counts.get("delivered").asLong() == 8 && counts.get("pending").asLong() == 0;
                });
            } catch (AssertionError | org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("stats " + api.get("/api/v1/stats").body() + "\n" + second.logText(), e);
            }
            JsonNode dead = api.get("/api/v1/jobs?state=dead").json().get("items");
            dead.forEach(job -> expected.add("io.jobdrop.job.dead " + job.get("id").asText()));
        }
        assertThat(expected).hasSize(8);
        assertThat(receiver.events()).extracting(e -> e.get("type").asText() + " " + e.get("subject").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private String database(String kind) {
        if (kind.equals("h2")) {
            return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
        }
        schema = "notifykill_" + UUID.randomUUID().toString().replace("-", "");
        PostgresPipelineTest.execute("CREATE SCHEMA " + schema);
        return PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
    }

    private JobdropProcess jobdrop(Path inbox, String db, int port) {
        return new JobdropProcess(List.of("--inbox", inbox.toString(), "--db", db, "--orchestrator", orchestrator.url()),
                Map.ofEntries(Map.entry("JOBDROP_INBOX_STABLE_MS", "0"), Map.entry("JOBDROP_INBOX_POLL_MS", "20"),
                        Map.entry("JOBDROP_FORWARD_POLL_MS", "50"), Map.entry("JOBDROP_FORWARD_LEASE", "2s"),
                        Map.entry("JOBDROP_DB_USER", db.startsWith("jdbc:h2") ? "sa" : "postgres"),
                        Map.entry("JOBDROP_NOTIFY_URL", receiver.url()),
                        Map.entry("JOBDROP_NOTIFY_TIMEOUT", "2s"), Map.entry("JOBDROP_NOTIFY_LEASE", "3s"),
                        Map.entry("JOBDROP_NOTIFY_BATCH", "4"), // 2s × ceil(4 / 4) + 1s fits the lease
                        Map.entry("JOBDROP_NOTIFY_POLL_MS", "50"), Map.entry("JOBDROP_NOTIFY_BACKOFF_INITIAL", "20ms"),
                        Map.entry("JOBDROP_NOTIFY_BACKOFF_MAX", "200ms")),
                work.resolve("jobdrop-" + port + ".log"), port);
    }
}
