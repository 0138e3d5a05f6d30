package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.JobJson;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.EventType;
import io.jobdrop.store.JobDetail;
import io.jobdrop.store.JobSummary;
import io.jobdrop.testing.NeedsCorpus;
import io.jobdrop.testing.RecordedRequest;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the pipeline promises, end to end; run once per database. */
abstract class PipelineBehaviour extends PipelineTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @NeedsCorpus
    @Test
    void delivers_every_accepted_corpus_file_once_and_bumps_versions_of_same_name_updates() throws IOException {
        List<String> accepted = CorpusRows.acceptedWithoutVars();
        List<String> firstRound = accepted.stream().filter(f -> !f.contains("-v2.")).toList();
        List<String> updates = accepted.stream().filter(f -> f.contains("-v2.")).toList();
        assertThat(updates).hasSize(2);

        firstRound.forEach(this::dropCorpus);
        awaitAllDoneAndSubmitted(firstRound.size());
        updates.forEach(this::dropCorpus);
        awaitAllDoneAndSubmitted(accepted.size());

        assertThat(filesIn(".error")).isEmpty();
        for (String file : accepted) {
            for (AcceptedJob job : read(file).jobs()) {
                String name = job.job().name;
                String namespace = job.job().namespace;
                if (name.equals(job.job().id)) {
                    continue; // nameless: named after its new ID, so a new job at each drop
                }
                // several corpus files share a Name: later ones update the job; versions superseded before they were
                // sent are never sent, so only the creation count is fixed here
                assertThat(orchestrator.createdCount(namespace, name)).as("created %s/%s", namespace, name).isEqualTo(1);
            }
        }
        for (String updated : List.of("basic-hello-world", "basic-daemon-job")) {
            assertThat(orchestrator.version(updated)).as(updated).isEqualTo(2);
            assertThat(ledgerJob(updated).version()).as(updated).isEqualTo(2);
        }
    }

    @Test
    void the_inbox_keeps_no_file_in_progress_once_it_is_filed() {
        MemoryIdempotentRepository inProgress = context.getRegistry().lookupByNameAndType("inboxInProgress",
                MemoryIdempotentRepository.class);
        FileEndpoint inbox = (FileEndpoint) context.getRoute("inbox-intake").getEndpoint();
        // Camel's default, an LRU cache, takes 11 ms for each listed file once some 100,000 have passed through it
        assertThat(inbox.getInProgressRepository()).isSameAs(inProgress);

        IntStream.range(0, 30).forEach(i -> drop("flow-" + i + ".yaml", job("flow-" + i)));
        drop("flow-bad.yaml", job("flow-bad").replace("Type: batch", "Type: nonsense"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").stream().filter(f -> f.endsWith(".yaml")).count() == 30
                && filesIn(".error").contains("flow-bad.yaml"));

        // a filed file is no longer in progress: nothing piles up, however many files pass
        await().atMost(PATIENCE).until(() -> inProgress.getCacheSize() == 0);
    }

    private void awaitAllDoneAndSubmitted(int files) {
        await().atMost(PATIENCE).until(() -> filesIn(".done").size() == files);
        await().atMost(PATIENCE).until(() -> ledger().listJobs(null, 10_000).stream()
                .allMatch(j -> j.delivery() == DeliveryState.SUBMITTED));
    }

    @NeedsCorpus
    @Test
    void files_rejected_jobs_into_error_with_a_report_naming_line_and_column() throws IOException {
        List<CorpusRows.Row> rejected = CorpusRows.rejectedWithoutVars();
        rejected.forEach(row -> dropCorpus(row.file()));

        await().atMost(PATIENCE).until(() -> filesIn(".error").size() == 2 * rejected.size());
        for (CorpusRows.Row row : rejected) {
            JsonNode report = JobJson.mapper().readTree(inbox.resolve(".error/" + row.file() + ".error.json").toFile());
            assertThat(report.get("verdict").asText()).isEqualTo("rejected");
            assertThat(report.get("errors").get(0).get("message").asText()).contains(row.fragment());
        }
        JsonNode template = JobJson.mapper().readTree(
                inbox.resolve(".error/docs-gitbook-v2__cli-api__cli__job__run.md__L299.yaml.error.json").toFile());
        assertThat(template.at("/errors/0/line").asInt()).isEqualTo(11);
        assertThat(template.at("/errors/0/column").asInt()).isEqualTo(15);
        assertThat(ledger().listJobs(null, 100)).isEmpty();
        assertThat(orchestrator.submissions()).isEmpty();
    }

    @Test
    void records_an_identical_resubmission_as_unchanged_and_does_not_send_it_again() {
        drop("first.yaml", job("same-spec"));
        awaitDelivery("same-spec", DeliveryState.SUBMITTED);
        drop("again.yaml", job("same-spec"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("again.yaml"));
        drop("marker.yaml", job("marker"));
        awaitDelivery("marker", DeliveryState.SUBMITTED);

        assertThat(submissionsOf("same-spec")).hasSize(1);
        JobDetail detail = ledger().show("same-spec").orElseThrow();
        assertThat(detail.summary().version()).isEqualTo(1);
        assertThat(detail.events()).extracting(e -> e.type()).contains(EventType.UNCHANGED);
    }

    @Test
    void takes_the_jobs_of_a_multi_document_file_all_or_none() {
        drop("pair.yaml", job("pair-a") + "---\n" + job("pair-b"));
        drop("broken-pair.yaml", job("pair-c") + "---\n" + job("pair-d").replace("Type: batch", "Type: Batch"));

        awaitDelivery("pair-a", DeliveryState.SUBMITTED);
        awaitDelivery("pair-b", DeliveryState.SUBMITTED);
        await().atMost(PATIENCE).until(() -> filesIn(".error").contains("broken-pair.yaml"));
        assertThat(ledger().listJobs(null, 100)).extracting(JobSummary::name).doesNotContain("pair-c", "pair-d");
    }

    @Test
    void delivers_everything_once_the_orchestrator_comes_back() {
        orchestrator.stop();
        List<String> names = dropJobs("outage", 20);
        await().atMost(PATIENCE).until(() -> filesIn(".done").size() == 20);
        await().atMost(PATIENCE).until(() -> ledger().show(names.get(19)).orElseThrow().attempts().size() >= 2);

        orchestrator.start();
        names.forEach(name -> awaitDelivery(name, DeliveryState.SUBMITTED));
        names.forEach(name -> assertThat(orchestrator.createdCount(name)).isEqualTo(1));
    }

    @Test
    void delivers_every_job_exactly_once_through_random_5xx_and_503_after_store() {
        orchestrator.randomFaults(0.3, 0.1, 42);
        List<String> names = dropJobs("flaky", 100);

        names.forEach(name -> awaitDelivery(name, DeliveryState.SUBMITTED));
        names.forEach(name -> assertThat(orchestrator.createdCount(name)).as(name).isEqualTo(1));
        assertThat(orchestrator.jobs()).hasSize(100);
        assertThat(orchestrator.requests()).hasSizeGreaterThan(100);
    }

    @Test
    void dead_letters_a_job_the_orchestrator_rejects_without_retrying_and_replay_delivers_it() {
        orchestrator.rejectNames("refused");
        drop("refused.yaml", job("refused"));
        awaitDelivery("refused", DeliveryState.DEAD);
        drop("after.yaml", job("after"));
        awaitDelivery("after", DeliveryState.SUBMITTED);
        assertThat(submissionsOf("refused")).hasSize(1);
        assertThat(ledgerJob("refused").lastError()).contains("rejected");

        orchestrator.clearFaults();
        assertThat(ledger().replay("refused")).isEqualTo(1);
        awaitDelivery("refused", DeliveryState.SUBMITTED);
        assertThat(orchestrator.createdCount("refused")).isEqualTo(1);
        assertThat(ledger().show("refused").orElseThrow().events()).extracting(e -> e.type())
                .contains(EventType.DEAD, EventType.REPLAYED, EventType.FORWARDED);
    }

    @Test
    void waits_for_retry_after_on_429_without_counting_a_failure() {
        orchestrator.rateLimitNext(1, "1");
        Instant dropped = Instant.now();
        drop("limited.yaml", job("limited"));
        awaitDelivery("limited", DeliveryState.SUBMITTED);

        List<RecordedRequest> sent = orchestrator.submissions(); // the 429 is answered before the body is read
        assertThat(sent).extracting(RecordedRequest::status).containsExactly(429, 200);
        assertThat(Duration.between(dropped, sent.get(1).arrivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(ledger().show("limited").orElseThrow().outbox()).isEmpty();
    }

    @Test
    void updates_with_a_new_version_when_the_same_name_comes_with_a_new_spec() {
        drop("v1.yaml", job("evolving", "echo one"));
        awaitDelivery("evolving", DeliveryState.SUBMITTED);
        drop("v2.yaml", job("evolving", "echo two"));
        await().atMost(PATIENCE).until(() -> orchestrator.version("evolving") == 2);

        JobDetail detail = ledger().show("evolving").orElseThrow();
        assertThat(detail.summary().version()).isEqualTo(2);
        assertThat(detail.versions()).hasSize(2);
        assertThat(orchestrator.createdCount("evolving")).isEqualTo(1);
        assertThat(orchestrator.job("evolving").orElseThrow().at("/Tasks/0/Engine/Params/Parameters/2").asText())
                .isEqualTo("echo two");
    }

    @Test
    void leaves_a_file_in_the_inbox_while_the_ledger_fails_and_takes_it_once_the_ledger_is_back() throws Exception {
        sql("ALTER TABLE intake_claims RENAME TO intake_claims_away");
        drop("during-outage.yaml", job("during-outage"));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> waitingInInbox().contains("during-outage.yaml"));
        assertThat(filesIn(".error")).isEmpty();
        assertThat(filesIn(".done")).isEmpty();

        sql("ALTER TABLE intake_claims_away RENAME TO intake_claims");
        awaitDelivery("during-outage", DeliveryState.SUBMITTED);
        assertThat(filesIn(".done")).containsExactly("during-outage.yaml");
        assertThat(filesIn(".error")).isEmpty();
    }

    @Test
    void keeps_jobs_queued_while_the_outbox_cannot_be_read_and_sends_them_once_it_can() throws Exception {
        sql("ALTER TABLE outbox RENAME TO outbox_away");
        drop("queued-through-outage.yaml", job("queued-through-outage"));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> waitingInInbox().contains("queued-through-outage.yaml"));

        sql("ALTER TABLE outbox_away RENAME TO outbox");
        awaitDelivery("queued-through-outage", DeliveryState.SUBMITTED);
        assertThat(orchestrator.createdCount("queued-through-outage")).isEqualTo(1);
    }

    @Test
    void reports_ledger_inbox_and_orchestrator_in_health_and_the_orchestrator_down_when_it_is() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}")
                + "/observe/health");

        HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        JsonNode checks = JobJson.mapper().readTree(up.body()).get("checks");
        assertThat(checks).extracting(c -> c.get("name").asText()).contains("ledger", "inbox", "orchestrator");

        orchestrator.stop();
        HttpResponse<String> down = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(JobJson.mapper().readTree(down.body()).get("checks")).anySatisfy(c -> {
            assertThat(c.get("name").asText()).isEqualTo("orchestrator");
            assertThat(c.get("status").asText()).isEqualTo("DOWN");
            assertThat(c.get("message").asText()).contains("unreachable");
        });
    }

    /** A statement on the ledger database from outside jobdrop, as an operator (or a failure) would change it. */
    void sql(String statement) throws java.sql.SQLException {
        String url = databaseUrl().startsWith("jdbc:h2:file:") ? databaseUrl() + ";AUTO_SERVER=TRUE" : databaseUrl();
        try (var c = java.sql.DriverManager.getConnection(url, databaseUser(), databasePassword()); var s = c.createStatement()) {
            s.execute(statement);
        }
    }

    List<String> dropJobs(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = prefix + "-" + i;
            drop(name + ".yaml", job(name));
            names.add(name);
        }
        return names;
    }

    List<RecordedRequest> submissionsOf(String name) {
        return orchestrator.submissions().stream().filter(r -> name.equals(r.jobName())).toList();
    }

    static FileVerdict read(String corpusFile) throws IOException {
        return new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID), JobDefaults.BACALHAU)
                .read(corpusFile, Files.readAllBytes(CORPUS.resolve(corpusFile)));
    }
}
