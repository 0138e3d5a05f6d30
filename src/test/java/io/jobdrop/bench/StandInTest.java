package io.jobdrop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The stand-in answers job following's GETs as Bacalhau's GetJob does (spec §16.1, §17) and counts them. */
class StandInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private StandInClient client;

    @BeforeEach
    void start() throws IOException {
        server = new StandIn().start(0);
        client = new StandInClient(server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_job_it_accepted_is_completed_with_its_execution() throws Exception {
        String jobId = JSON.readTree(put("{\"Job\":{\"Name\":\"a\",\"Type\":\"batch\",\"Namespace\":\"ns\"}}").body())
                .path("JobID").asText();

        HttpResponse<String> got = get(jobId + "?include=executions&namespace=ns");

        assertThat(got.statusCode()).isEqualTo(200);
        JsonNode tree = JSON.readTree(got.body());
        assertThat(tree.path("Job").path("ID").asText()).isEqualTo(jobId);
        assertThat(tree.path("Job").path("Name").asText()).isEqualTo("a");
        assertThat(tree.path("Job").path("Namespace").asText()).isEqualTo("ns");
        assertThat(tree.path("Job").path("State").path("StateType").asText()).isEqualTo("Completed");
        JsonNode execution = tree.path("Executions").path("Items").path(0);
        assertThat(execution.path("ComputeState").path("StateType").asInt()).isEqualTo(9);
        assertThat(execution.path("RunOutput").path("ExitCode").asInt()).isZero();
        assertThat(client.stats().polled()).isEqualTo(1);
        assertThat(client.stats().rejected()).isZero();
    }

    @Test
    void a_daemon_job_is_running_and_without_include_there_are_no_executions() throws Exception {
        String jobId = JSON.readTree(put("{\"Job\":{\"Name\":\"d\",\"Type\":\"daemon\"}}").body())
                .path("JobID").asText();

        JsonNode tree = JSON.readTree(get(jobId).body());

        assertThat(tree.path("Job").path("State").path("StateType").asText()).isEqualTo("Running");
        assertThat(tree.path("Job").path("Namespace").asText()).isEqualTo("default");
        assertThat(tree.has("Executions")).isFalse();
    }

    @Test
    void an_unknown_id_is_not_found_in_bacalhaus_shape() throws Exception {
        HttpResponse<String> got = get("j-nope?include=executions");

        assertThat(got.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(got.body());
        assertThat(error.path("Status").asInt()).isEqualTo(404);
        assertThat(error.path("Code").asText()).isEqualTo("NotFound");
        assertThat(error.path("Component").asText()).isEqualTo("JobStore");
        assertThat(error.path("Message").asText()).isEqualTo("job not found: j-nope");
        assertThat(client.stats().polled()).isEqualTo(1);
        assertThat(client.stats().rejected()).isZero();
    }

    private HttpResponse<String> put(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/v1/orchestrator/jobs"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String idAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(client.baseUrl() + "/api/v1/orchestrator/jobs/"
                + idAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
