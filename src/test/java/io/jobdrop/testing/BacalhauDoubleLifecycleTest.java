package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The double's job lifecycle (spec §14, §16.1, §17): states, executions, rerun, and the per-job GET count. */
class BacalhauDoubleLifecycleTest {

    private static final String JOBS = BacalhauDouble.JOBS_PATH;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final BacalhauDouble bacalhau = BacalhauDouble.started();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopDouble() {
        bacalhau.close();
    }

    private static String job(String name, String type) {
        return "{\"Name\":\"" + name + "\",\"Type\":\"" + type + "\",\"Tasks\":[{\"Name\":\"main\","
                + "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox\"}}}]}";
    }

    @Test
    void a_batch_job_goes_pending_queued_running_completed_with_integer_execution_states() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ofMillis(400)));
        String id = json(submit(job("hello", "batch"))).get("JobID").asText();

        JsonNode first = json(get(JOBS + "/hello?include=executions"));
        assertThat(first.at("/Job/State/StateType").asText()).isEqualTo("Pending");
        assertThat(first.at("/Executions/Items")).isEmpty();
        await().atMost(PATIENCE).until(() -> bacalhau.state("hello").equals("Queued"));
        await().atMost(PATIENCE).until(() -> bacalhau.state("hello").equals("Running"));
        JsonNode running = json(get(JOBS + "/" + id + "?include=executions")).at("/Executions/Items/0");
        assertThat(running.at("/ComputeState/StateType").isInt()).isTrue();
        assertThat(running.at("/ComputeState/StateType").asInt()).isEqualTo(6);
        assertThat(running.at("/DesiredState/StateType").asInt()).isEqualTo(1);
        assertThat(running.get("RunOutput").isNull()).isTrue();

        await().atMost(PATIENCE).until(() -> bacalhau.state("hello").equals("Completed"));
        JsonNode done = json(get(JOBS + "/hello?include=executions"));
        assertThat(done.at("/Job/State/StateType").asText()).isEqualTo("Completed");
        assertThat(done.at("/Executions/NextToken").asText()).isEmpty();
        JsonNode execution = done.at("/Executions/Items/0");
        assertThat(execution.get("ID").asText()).startsWith("e-");
        assertThat(execution.get("JobID").asText()).isEqualTo(id);
        assertThat(execution.get("NodeID").asText()).isEqualTo(bacalhau.nodeId());
        assertThat(execution.at("/ComputeState/StateType").asInt()).isEqualTo(9);
        assertThat(execution.at("/DesiredState/StateType").asInt()).isEqualTo(2);
        assertThat(execution.at("/RunOutput/ExitCode").asInt()).isZero();
        assertThat(execution.at("/RunOutput/Stdout").asText()).isEqualTo("hello from hello (version 1)\n");
        assertThat(execution.at("/RunOutput").has("stderr")).isTrue();
        assertThat(execution.at("/PublishedResult/Type").asText()).isEqualTo("local");
    }

    @Test
    void without_include_the_answer_has_no_executions() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ZERO));
        submit(job("hello", "batch"));

        assertThat(json(get(JOBS + "/hello")).has("Executions")).isFalse();
    }

    @Test
    void a_job_matching_the_failing_rule_ends_failed_with_exit_code_1_and_stderr() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ofMillis(50)).failing("^bad-"));
        submit(job("bad-report", "batch"));
        submit(job("good-report", "batch"));

        await().atMost(PATIENCE).until(() -> bacalhau.state("bad-report").equals("Failed")
                && bacalhau.state("good-report").equals("Completed"));
        JsonNode failed = json(get(JOBS + "/bad-report?include=executions"));
        assertThat(failed.at("/Job/State/Message").asText()).contains("exit status 1");
        JsonNode execution = failed.at("/Executions/Items/0");
        assertThat(execution.at("/ComputeState/StateType").asInt()).isEqualTo(10);
        assertThat(execution.at("/RunOutput/ExitCode").asInt()).isEqualTo(1);
        assertThat(execution.at("/RunOutput/stderr").asText()).contains("something went wrong");
        assertThat(execution.at("/RunOutput/ErrorMsg").asText()).isEqualTo("exit status 1");
    }

    @Test
    void daemon_and_service_jobs_reach_running_and_stay_there() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ZERO));
        submit(job("watcher", "daemon"));
        submit(job("web", "service"));
        submit(job("batchy", "batch"));

        await().atMost(PATIENCE).until(() -> bacalhau.state("batchy").equals("Completed"));
        assertThat(bacalhau.state("watcher")).isEqualTo("Running");
        assertThat(bacalhau.state("web")).isEqualTo("Running");
        assertThat(bacalhau.executions("web")).singleElement()
                .satisfies(e -> assertThat(e.at("/ComputeState/StateType").asInt()).isEqualTo(6));
    }

    @Test
    void the_executions_endpoint_lists_the_jobs_executions() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ZERO));
        String id = json(submit(job("hello", "batch"))).get("JobID").asText();

        JsonNode list = json(get(JOBS + "/" + id + "/executions"));

        assertThat(list.get("Items")).hasSize(1);
        assertThat(list.at("/Items/0/JobID").asText()).isEqualTo(id);
        assertThat(list.get("NextToken").asText()).isEmpty();
    }

    @Test
    void a_rerun_bumps_the_version_and_makes_a_second_execution_that_runs_again() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ofMillis(100)));
        String id = json(submit(job("hello", "batch"))).get("JobID").asText();
        await().atMost(PATIENCE).until(() -> bacalhau.state("hello").equals("Completed"));

        HttpResponse<String> rerun = rerun("hello", "{\"JobVersion\":0,\"Reason\":\"again\"}");

        assertThat(rerun.statusCode()).isEqualTo(200);
        JsonNode answer = json(rerun);
        assertThat(answer.get("JobID").asText()).isEqualTo(id);
        assertThat(answer.get("JobVersion").asLong()).isEqualTo(2);
        assertThat(answer.get("EvaluationID").asText()).isNotBlank();
        assertThat(answer.get("Warnings").isNull()).isTrue();
        assertThat(bacalhau.state("hello")).isEqualTo("Pending");
        await().atMost(PATIENCE).until(() -> bacalhau.state("hello").equals("Completed"));
        assertThat(bacalhau.executions("hello")).hasSize(2)
                .allSatisfy(e -> assertThat(e.at("/ComputeState/StateType").asInt()).isEqualTo(9))
                .extracting(e -> e.get("JobVersion").asLong()).containsExactly(1L, 2L);
        assertThat(bacalhau.reruns()).hasSize(1);
    }

    @Test
    void a_pending_job_cannot_be_rerun() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ofMinutes(1)));
        submit(job("hello", "batch"));

        HttpResponse<String> rerun = rerun("hello", "{}");

        assertThat(rerun.statusCode()).isEqualTo(400);
        assertThat(json(rerun).get("Message").asText()).contains("cannot be rerun in state Pending");
    }

    @Test
    void a_rerun_of_an_unknown_job_is_404_job_not_found() throws Exception {
        HttpResponse<String> rerun = rerun("nope", "{}");

        assertThat(rerun.statusCode()).isEqualTo(404);
        JsonNode error = json(rerun);
        assertThat(error.get("Message").asText()).isEqualTo("job not found: nope");
        assertThat(error.get("Code").asText()).isEqualTo("NotFound");
        assertThat(error.get("Component").asText()).isEqualTo("JobStore");
    }

    @Test
    void without_the_rerun_endpoint_a_rerun_is_an_unknown_route() throws Exception {
        bacalhau.lifecycle(Lifecycle.steps(Duration.ZERO)).withoutRerunEndpoint();
        submit(job("hello", "batch"));

        HttpResponse<String> rerun = rerun("hello", "{}");

        assertThat(rerun.statusCode()).isEqualTo(404);
        assertThat(json(rerun).get("Component").asText()).isEqualTo("APIServer");
        assertThat(bacalhau.executions("hello")).hasSize(1);
    }

    @Test
    void counts_the_get_requests_per_job_by_name_or_id() throws Exception {
        String id = json(submit(job("hello", "batch"))).get("JobID").asText();
        submit(job("other", "batch"));

        get(JOBS + "/hello");
        get(JOBS + "/" + id + "?include=executions");
        get(JOBS + "/" + id + "/executions");
        get(JOBS + "/other");

        assertThat(bacalhau.pollsOf("hello")).isEqualTo(3);
        assertThat(bacalhau.pollsOf("other")).isEqualTo(1);
    }

    @Test
    void without_a_lifecycle_jobs_stay_pending_without_executions() throws Exception {
        submit(job("hello", "batch"));

        JsonNode found = json(get(JOBS + "/hello?include=executions"));

        assertThat(found.at("/Job/State/StateType").asText()).isEqualTo("Pending");
        assertThat(found.at("/Executions/Items")).isEmpty();
    }

    private HttpResponse<String> submit(String job) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(bacalhau.url() + JOBS))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + job + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rerun(String idOrName, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(bacalhau.url() + JOBS + "/" + idOrName + "/rerun"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(bacalhau.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return DoubleJson.MAPPER.readTree(response.body());
    }
}
