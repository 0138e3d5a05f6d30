package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.NotificationCounts;
import io.jobdrop.testing.Lifecycle;
import io.jobdrop.testing.LogCapture;
import io.jobdrop.testing.WebhookReceiver;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook notifications end to end: the real routes, a real ledger, the orchestrator double and a real HTTP receiver
 * that fails on request. Subclasses pick the database.
 */
abstract class NotificationBehaviour extends PipelineTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final String TOKEN = "hook-secret-token";
    /** A secret some receivers take in the URL's query instead of a header. */
    static final String QUERY_SECRET = "sig=hook-query-secret";

    // created on first use, like the base class's fixtures: the properties are read before field initializers run
    WebhookReceiver receiver;

    @Override
    void tune(Properties p) {
        if (receiver == null) {
            receiver = WebhookReceiver.started();
        }
        p.put("jobdrop.notify.url", receiver.url() + "?" + QUERY_SECRET);
        p.put("jobdrop.notify.token", TOKEN);
        p.put("jobdrop.notify.timeout", "1s");
        p.put("jobdrop.notify.lease", "3s");
        p.put("jobdrop.notify.backoff-initial", "20ms");
        p.put("jobdrop.notify.backoff-max", "200ms");
        p.put("jobdrop.notify.poll-ms", "50");
        p.put("jobdrop.notify.max-attempts", "1000");
        p.put("jobdrop.notify.concurrency", "4");
        p.put("jobdrop.notify.batch", "8"); // 1s × ceil(8 / 4) + 1s: fits the 3s lease
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "500ms");
        p.put("jobdrop.follow.poll-ms", "50");
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18300, 18399)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void every_event_reaches_a_receiver_failing_30_percent_of_requests_exactly_once_after_deduplication() {
        // 20% answered 500, 5% answered after the sender's timeout, 5% dropped without an answer
        receiver.faults(0.20, 0.05, Duration.ofMillis(1500), 0.05, 12);
        // the follower sees each good job end at the orchestrator double, completed or failed
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(150)).failing("-fails-"));
        List<String> doomed = IntStream.range(0, 5).mapToObj(i -> "doomed-" + i).toList();
        orchestrator.rejectNames(doomed.toArray(String[]::new));
        List<String> bad = IntStream.range(0, 8).mapToObj(i -> "bad-" + i + ".yaml").toList();
        bad.forEach(file -> drop(file, "Name: broken\nType: [batch\n"));
        doomed.forEach(name -> drop(name + ".yaml", job(name)));
        List<String> good = IntStream.range(0, 9).mapToObj(i -> i % 3 == 0 ? "good-fails-" + i : "good-" + i)
                .toList();
        good.forEach(name -> drop(name + ".yaml", job(name)));
        good.forEach(name -> awaitDelivery(name, DeliveryState.SUBMITTED));
        doomed.forEach(name -> awaitDelivery(name, DeliveryState.DEAD));
        List<String> expected = new ArrayList<>();
        bad.forEach(file -> expected.add("io.jobdrop.file.rejected " + inbox.resolve(file)));
        doomed.forEach(name -> expected.add("io.jobdrop.job.dead " + ledgerJob(name).id()));
        good.forEach(name -> expected.add("io.jobdrop.job." + (name.contains("-fails-") ? "failed" : "completed")
                + " " + ledgerJob(name).id()));
        await().atMost(PATIENCE).until(() -> ledger().followedJobs() == 0
                && ledger().notificationCounts().pending() == 0);

        assertThat(ledger().notificationCounts()).isEqualTo(new NotificationCounts(0, 0, expected.size()));
        List<JsonNode> events = receiver.events();
        assertThat(events).extracting(e -> e.get("type").asText() + " " + e.get("subject").asText())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(receiver.requests()).as("the receiver failed some requests")
                .anyMatch(r -> r.answeredWith() != 204);
        assertThat(receiver.requests()).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.contentType()).startsWith("application/cloudevents+json");
        });
        Set<String> ids = new HashSet<>();
        receiver.requests().forEach(r -> ids.add(r.event().get("id").asText()));
        assertThat(ids).as("redeliveries carry the same id").hasSize(expected.size());
        JsonNode rejected = events.stream().filter(e -> e.get("type").asText().endsWith("file.rejected"))
                .findFirst().orElseThrow();
        JsonNode error = rejected.get("data").get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isPositive();
        JsonNode dead = events.stream().filter(e -> e.get("type").asText().endsWith("job.dead")).findFirst()
                .orElseThrow();
        assertThat(dead.get("data").get("name").asText()).startsWith("doomed-");
        assertThat(dead.get("data").get("message").asText()).contains("rejected by orchestrator");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("specversion").asText()).isEqualTo("1.0");
            assertThat(e.get("source").asText()).isEqualTo("jobdrop://" + ledger().identity());
        });
    }

    @Test
    void a_receiver_that_hangs_never_holds_up_intake_or_forwarding() {
        receiver.holdAll();
        List<String> jobs = IntStream.range(0, 40).mapToObj(i -> "burst-" + i).toList();
        jobs.forEach(name -> drop(name + ".yaml", job(name)));
        List<String> bad = IntStream.range(0, 10).mapToObj(i -> "bad-" + i + ".yaml").toList();
        bad.forEach(file -> drop(file, "Name: broken\nType: [batch\n"));

        orchestrator.awaitAccepted(jobs.size(), PATIENCE);
        await().atMost(PATIENCE).until(() -> filesIn(".done").size() == jobs.size()
                && filesIn(".error").size() == 2 * bad.size());
        jobs.forEach(name -> awaitDelivery(name, DeliveryState.SUBMITTED));

        assertThat(receiver.heldNow()).as("webhook calls are blocked meanwhile").isPositive();
        assertThat(receiver.events()).isEmpty();
        receiver.release();
        await().atMost(PATIENCE).until(() -> ledger().notificationCounts().delivered() == bad.size());
        assertThat(receiver.events()).extracting(e -> e.get("subject").asText())
                .containsExactlyInAnyOrderElementsOf(bad.stream().map(f -> inbox.resolve(f).toString()).toList());
    }

    @Test
    void a_refusing_receiver_gets_the_event_given_up_logged_and_listed_as_failed() {
        receiver.answerAll(404);
        String file = inbox.resolve("bad.yaml").toString();

        try (LogCapture log = LogCapture.start()) {
            drop("bad.yaml", "Name: broken\nType: [batch\n");
            await().atMost(PATIENCE).until(() -> ledger().notificationCounts().failed() == 1);

            // logged just after the give-up is committed
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(log.lines()).anyMatch(line -> line.contains("WARN")
                    && line.contains("given up") && line.contains("io.jobdrop.file.rejected " + file)
                    && line.contains("HTTP 404")));
            assertThat(log.text()).as("the token is never logged").doesNotContain(TOKEN);
        }
        assertThat(ledger().listNotifications("failed", 10)).singleElement().satisfies(n -> {
            assertThat(n.lastStatus()).isEqualTo(404);
            assertThat(n.lastError()).contains("HTTP 404").contains("not retried");
            assertThat(n.attempts()).isEqualTo(1);
            assertThat(n.subject()).isEqualTo(file);
        });
        assertThat(receiver.requests()).hasSize(1);
        ApiClient api = new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders(
                "{{jobdrop.api.port}}"), null);
        JsonNode failed = api.get("/api/v1/notifications?state=failed").json().get("items");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("type").asText()).isEqualTo("io.jobdrop.file.rejected");
        assertThat(failed.get(0).get("state").asText()).isEqualTo("failed");
        assertThat(failed.get(0).get("lastStatus").asInt()).isEqualTo(404);
        assertThat(failed.get(0).get("url").asText()).as("the query's secret is not shown")
                .isEqualTo(receiver.url());
        assertThat(api.get("/api/v1/notifications?state=pending").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/notifications?state=sent").status()).isEqualTo(400);
        JsonNode stats = api.get("/api/v1/stats").json().get("notifications");
        assertThat(stats.get("failed").asLong()).isEqualTo(1);
        assertThat(stats.get("pending").asLong()).isZero();
        assertThat(api.get("/observe/metrics").body())
                .contains("jobdrop_notifications{state=\"failed\"} 1.0")
                .contains("jobdrop_notifications_attempts_total{outcome=\"given_up\"} 1.0");
    }
}
