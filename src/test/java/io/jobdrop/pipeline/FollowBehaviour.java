package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.app.Outages;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.EventType;
import io.jobdrop.store.ExecutionRecord;
import io.jobdrop.store.JobDetail;
import io.jobdrop.store.JobEvent;
import io.jobdrop.testing.Lifecycle;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import io.jobdrop.store.DeliveryState;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Following delivered jobs to their end (issue 12), end to end: the real routes against a real ledger and the
 * orchestrator double with its job lifecycle. Run once per database.
 */
abstract class FollowBehaviour extends PipelineTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Override
    void tune(Properties p) {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(150)).failing("-fails-"));
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "500ms");
        p.put("jobdrop.follow.poll-ms", "50");
        p.put("jobdrop.follow.lease", "5s");
        apiPort = AvailablePortFinder.getNextAvailable(18200, 18299);
        p.put("jobdrop.api.port", Integer.toString(apiPort));
    }

    private int apiPort;

    @Test
    void follows_200_jobs_to_their_end_and_writes_a_result_beside_each_file() throws IOException {
        List<String> names = IntStream.range(0, 200)
                .mapToObj(i -> i % 4 == 0 ? "nightly-fails-" + i : "nightly-" + i).toList();
        names.forEach(name -> drop(name + ".yaml", job(name)));

        await().atMost(PATIENCE).until(() -> filesIn(".done").stream().filter(f -> f.endsWith(".result.json"))
                .count() == 200);

        for (String name : names) {
            boolean fails = name.contains("-fails-");
            JsonNode result = JobJson.mapper().readTree(inbox.resolve(".done/" + name + ".yaml.result.json").toFile());
            assertThat(result.get("file").asText()).endsWith("/" + name + ".yaml");
            JsonNode job = result.at("/jobs/0");
            assertThat(result.get("jobs")).hasSize(1);
            assertThat(job.get("name").asText()).isEqualTo(name);
            assertThat(job.get("state").asText()).isEqualTo(fails ? "Failed" : "Completed");
            assertThat(job.get("orchestratorJobId").asText()).isEqualTo(orchestrator.job(name).orElseThrow()
                    .get("ID").asText());
            JsonNode execution = job.at("/executions/0");
            assertThat(job.get("executions")).hasSize(1);
            assertThat(execution.get("node").asText()).isEqualTo(orchestrator.nodeId());
            assertThat(execution.get("exitCode").asInt()).isEqualTo(fails ? 1 : 0);
            if (fails) {
                assertThat(job.get("message").asText()).contains("exit status 1");
                assertThat(execution.get("stderr").asText()).isEqualTo(name + ": something went wrong\n");
                assertThat(execution.get("result").isNull()).isTrue();
            } else {
                assertThat(execution.get("stdout").asText()).isEqualTo("hello from " + name + " (version 1)\n");
                assertThat(execution.at("/result/Type").asText()).isEqualTo("local");
            }
            JobDetail detail = ledger().show(name).orElseThrow();
            assertThat(detail.summary().state()).isEqualTo(fails ? "Failed" : "Completed");
            assertThat(detail.events()).extracting(JobEvent::type)
                    .containsOnlyOnce(fails ? EventType.FAILED : EventType.COMPLETED)
                    .doesNotContain(fails ? EventType.COMPLETED : EventType.FAILED, EventType.UNKNOWN);
        }
        assertThat(ledger().followedJobs()).isZero();
        // the result files are moved into place before they are marked written
        await().atMost(PATIENCE).until(() -> ledger().dueResults(10).isEmpty());
        long polls = names.stream().mapToLong(orchestrator::pollsOf).sum();
        System.out.printf("follow: %d jobs, %d polls, %.2f orchestrator requests per followed job%n", names.size(),
                polls, polls / (double) names.size());
    }

    @Test
    void records_each_execution_with_its_node_state_exit_code_and_output() {
        drop("report.yaml", job("report"));

        await().atMost(PATIENCE).ignoreExceptions().until(() -> "Completed".equals(ledgerJob("report").state()));
        List<ExecutionRecord> executions = ledger().executions(ledgerJob("report").id());
        assertThat(executions).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(orchestrator.executions("report").get(0).get("ID").asText());
            assertThat(e.nodeId()).isEqualTo(orchestrator.nodeId());
            assertThat(e.computeState()).isEqualTo("Completed");
            assertThat(e.desiredState()).isEqualTo("Stopped");
            assertThat(e.exitCode()).isZero();
            assertThat(e.stdout()).isEqualTo("hello from report (version 1)\n");
            assertThat(e.stdoutTruncated()).isFalse();
            assertThat(e.publishedResult()).contains("\"Type\":\"local\"");
        });
    }

    @Test
    void writes_one_result_for_a_file_once_all_its_jobs_ended() throws IOException {
        drop("pair.yaml", job("pair-ok") + "---\n" + job("pair-fails-too"));

        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("pair.yaml.result.json"));
        JsonNode result = JobJson.mapper().readTree(inbox.resolve(".done/pair.yaml.result.json").toFile());
        assertThat(result.get("jobs")).extracting(j -> j.get("name").asText() + "=" + j.get("state").asText())
                .containsExactly("pair-ok=Completed", "pair-fails-too=Failed");
        assertThat(filesIn(".done")).filteredOn(f -> f.contains("result")).containsExactly("pair.yaml.result.json");
    }

    @Test
    void a_file_whose_name_leaves_no_room_for_the_suffix_gets_a_fitted_result_and_holds_up_no_other() throws IOException {
        String longName = "l".repeat(240) + ".yaml"; // 245 bytes: <name>.result.json would be 257
        drop(longName, job("long-named"));
        drop("short.yaml", job("short-named"));

        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("short.yaml.result.json")
                && filesIn(".done").stream().anyMatch(f -> f.startsWith("lll") && f.endsWith(".result.json")));
        String fitted = filesIn(".done").stream().filter(f -> f.startsWith("lll") && f.endsWith(".result.json"))
                .findFirst().orElseThrow();
        assertThat(fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(fitted).matches("l+~[0-9a-f]{8}\\.result\\.json");
        assertThat(JobJson.mapper().readTree(inbox.resolve(".done").resolve(fitted).toFile()).at("/jobs/0/name")
                .asText()).isEqualTo("long-named");
        assertThat(filesIn(".done")).noneMatch(f -> f.endsWith(".part"));
        // a round's results are marked written in one commit once all of its files are in place
        await().atMost(PATIENCE).until(() -> ledger().dueResults(10).isEmpty());
    }

    @Test
    void a_daemon_job_is_followed_until_running_and_then_left_alone() {
        drop("watcher.yaml", job("watcher").replace("Type: batch", "Type: daemon"));

        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("watcher.yaml.result.json"));
        assertThat(ledgerJob("watcher").state()).isEqualTo("Running");
        assertThat(ledger().show("watcher").orElseThrow().events()).extracting(JobEvent::type)
                .containsOnlyOnce(EventType.RUNNING);
        assertThat(ledger().followedJobs()).isZero();
    }

    @Test
    void an_orchestrator_outage_during_following_loses_nothing() {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(400)));
        List<String> names = IntStream.range(0, 20).mapToObj(i -> "outage-" + i).toList();
        names.forEach(name -> drop(name + ".yaml", job(name)));
        orchestrator.awaitAccepted(20, PATIENCE);

        orchestrator.stop();
        Outages outages = context.getRegistry().lookupByNameAndType("outages", Outages.class);
        await().atMost(PATIENCE).until(() -> outages.isOpen(Outages.ORCHESTRATOR));
        orchestrator.start();
        orchestrator.failPollsNext(30, 503);

        await().atMost(PATIENCE).until(() -> filesIn(".done").stream().filter(f -> f.endsWith(".result.json"))
                .count() == 20);
        for (String name : names) {
            assertThat(ledgerJob(name).state()).as(name).isEqualTo("Completed");
            assertThat(ledger().show(name).orElseThrow().events()).extracting(JobEvent::type).as(name)
                    .containsOnlyOnce(EventType.COMPLETED).doesNotContain(EventType.UNKNOWN);
        }
        assertThat(orchestrator.requests()).anyMatch(r -> r.method().equals("GET") && r.status() == 503);
        await().atMost(PATIENCE).until(() -> !outages.isOpen(Outages.ORCHESTRATOR));
    }

    @Test
    void a_rerun_through_the_api_runs_the_job_again_with_a_second_execution() throws Exception {
        drop("again.yaml", job("again"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> "Completed".equals(ledgerJob("again").state())
                && ledger().followedJobs() == 0);

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort + "/api/v1/jobs/again/rerun"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(JobJson.mapper().readTree(answer.body()).get("rerun").asText()).isEqualTo("queued");
        String id = ledgerJob("again").id();
        await().atMost(PATIENCE).until(() -> ledger().executions(id).size() == 2
                && ledger().executions(id).stream().allMatch(e -> e.computeState().equals("Completed"))
                && ledger().followedJobs() == 0);
        assertThat(orchestrator.reruns()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(ledger().executions(id)).extracting(ExecutionRecord::jobVersion).containsExactly(1L, 2L);
        assertThat(ledger().show("again").orElseThrow().events()).extracting(JobEvent::type)
                .containsSubsequence(EventType.COMPLETED, EventType.RERUN, EventType.FORWARDED, EventType.COMPLETED);
        assertThat(orchestrator.createdCount("again")).isEqualTo(1);
    }

    @Test
    void a_rerun_is_a_forced_submission_where_the_orchestrator_has_no_rerun_endpoint() {
        orchestrator.withoutRerunEndpoint();
        drop("forced.yaml", job("forced"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> "Completed".equals(ledgerJob("forced").state())
                && ledger().followedJobs() == 0);

        ledger().rerun("forced", "test");

        String id = ledgerJob("forced").id();
        await().atMost(PATIENCE).until(() -> ledger().executions(id).size() == 2
                && ledger().executions(id).stream().allMatch(e -> e.computeState().equals("Completed"))
                && ledger().followedJobs() == 0);
        assertThat(orchestrator.reruns()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(404));
        assertThat(orchestrator.submissions()).filteredOn(r -> "forced".equals(r.jobName()) && r.status() == 200)
                .hasSize(2);
        assertThat(orchestrator.version("forced")).isEqualTo(2);
        assertThat(ledgerJob("forced").delivery()).isEqualTo(DeliveryState.SUBMITTED);
    }

    @Test
    void with_rerun_unchanged_an_identical_file_runs_its_job_again() {
        drop("same.yaml", job("same"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> "Completed".equals(ledgerJob("same").state())
                && ledger().followedJobs() == 0);
        ledger().rerunUnchangedInboxFiles(true); // what jobdrop.inbox.rerun-unchanged=true sets at start

        drop("same-again.yaml", job("same"));

        String id = ledgerJob("same").id();
        await().atMost(PATIENCE).until(() -> ledger().executions(id).size() == 2
                && ledger().executions(id).stream().allMatch(e -> e.computeState().equals("Completed"))
                && ledger().followedJobs() == 0);
        assertThat(ledger().show("same").orElseThrow().events()).extracting(JobEvent::type)
                .containsSubsequence(EventType.COMPLETED, EventType.UNCHANGED, EventType.RERUN, EventType.COMPLETED);
        assertThat(ledgerJob("same").version()).isEqualTo(1);
    }

    @Test
    void an_identical_file_is_not_run_again_by_default() {
        drop("once.yaml", job("once"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("once.yaml.result.json"));
        drop("once-again.yaml", job("once"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("once-again.yaml"));
        drop("marker.yaml", job("marker"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("marker.yaml.result.json"));

        assertThat(orchestrator.reruns()).isEmpty();
        assertThat(ledger().executions(ledgerJob("once").id())).hasSize(1);
    }

    @Test
    void the_result_of_a_posted_body_is_in_the_files_api_once_its_job_ended() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + apiPort + "/api/v1/jobs"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(job("posted-fails-once"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        await().atMost(PATIENCE).until(() -> {
            JsonNode files = JobJson.mapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + apiPort + "/api/v1/files")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            return !files.at("/items/0/result").isMissingNode() && !files.at("/items/0/result").isNull();
        });
        JsonNode files = JobJson.mapper().readTree(http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + apiPort + "/api/v1/files")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode result = files.at("/items/0/result");
        assertThat(files.at("/items/0/source").asText()).isEqualTo("http");
        assertThat(result.at("/jobs/0/name").asText()).isEqualTo("posted-fails-once");
        assertThat(result.at("/jobs/0/state").asText()).isEqualTo("Failed");
        assertThat(result.at("/jobs/0/executions/0/exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void a_job_not_yet_delivered_cannot_be_rerun() {
        orchestrator.stop();
        drop("waiting.yaml", job("waiting"));
        await().atMost(PATIENCE).ignoreExceptions().until(() -> ledgerJob("waiting") != null);

        assertThatThrownBy(() -> ledger().rerun("waiting", "test")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not delivered yet");
    }

    Path result(String file) {
        return inbox.resolve(".done/" + file + ".result.json");
    }
}
