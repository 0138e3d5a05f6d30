package io.jobdrop.testing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BacalhauDoubleTest {

    private static final String HELLO = "{\"Name\":\"hello\",\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\","
            + "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox\"}}}]}";
    private static final String HELLO_V2 = HELLO.replace("busybox", "alpine");
    private static final String TOKEN = "an-api-key-of-twenty-chars";

    private final BacalhauDouble bacalhau = BacalhauDouble.started();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stopDouble() {
        bacalhau.close();
    }

    // ---- create, update, unchanged -------------------------------------------------------------------------

    @Test
    void creates_a_new_name_as_version_1_with_a_generated_id() throws Exception {
        HttpResponse<String> response = submit(HELLO);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("JobID").asText()).matches("j-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(answer.get("EvaluationID").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(response.body()).contains("\"Warnings\":null");

        JsonNode job = bacalhau.job("hello").orElseThrow();
        assertThat(job.get("ID").asText()).isEqualTo(answer.get("JobID").asText());
        assertThat(job.get("Namespace").asText()).isEqualTo("default");
        assertThat(job.get("Count").asInt()).isEqualTo(1);
        assertThat(job.get("State").get("StateType").asText()).isEqualTo("Pending");
        assertThat(job.get("Version").asLong()).isEqualTo(1);
        assertThat(job.get("Revision").asLong()).isEqualTo(1);
        assertThat(job.get("CreateTime").asLong()).isPositive().isEqualTo(job.get("ModifyTime").asLong());
        assertThat(job.get("Meta").get("bacalhau.org/requester.id").asText()).isEqualTo(bacalhau.nodeId());
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
    }

    @Test
    void stored_jobs_read_back_in_gos_field_order_with_normalised_tasks() throws Exception {
        submit(HELLO);

        JsonNode job = json(get("/api/v1/orchestrator/jobs/hello")).get("Job");

        assertThat(fieldNames(job)).containsExactly("ID", "Name", "Namespace", "Type", "Priority", "Count", "Constraints",
                "Meta", "Labels", "Tasks", "State", "Version", "Revision", "CreateTime", "ModifyTime");
        assertThat(job.get("Tasks").get(0).toString()).isEqualTo("{\"Name\":\"main\",\"Engine\":{\"Type\":\"docker\","
                + "\"Params\":{\"Image\":\"busybox\"}},\"Publisher\":{\"Type\":\"\"},\"Resources\":{},"
                + "\"Network\":{\"Type\":\"Default\"},\"Timeouts\":{}}");
    }

    @Test
    void a_changed_spec_under_the_same_name_updates_the_job_in_place() throws Exception {
        String id = json(submit(HELLO)).get("JobID").asText();

        HttpResponse<String> update = submit(HELLO_V2);

        assertThat(update.statusCode()).isEqualTo(200);
        assertThat(json(update).get("JobID").asText()).isEqualTo(id);
        assertThat(bacalhau.version("hello")).isEqualTo(2);
        assertThat(bacalhau.job("hello").orElseThrow().get("Revision").asLong()).isEqualTo(2);
        assertThat(bacalhau.job("hello").orElseThrow().toString()).contains("alpine");
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
        assertThat(bacalhau.jobs()).hasSize(1);
    }

    @Test
    void an_unchanged_resubmission_gets_bacalhaus_exact_500() throws Exception {
        String id = json(submit(HELLO)).get("JobID").asText();

        HttpResponse<String> again = submit(HELLO);

        assertThat(again.statusCode()).isEqualTo(500);
        assertThat(again.body()).isEqualTo("{\"Status\":500,\"Message\":\"no changes detected for new job spec. "
                + "Job Name: 'hello', Job Id: '" + id + "'\",\"RequestID\":\"\",\"Code\":\"\",\"Component\":\"Bacalhau\","
                + "\"Hint\":\"Use the --force flag to override this warning\"}\n");
        assertThat(bacalhau.version("hello")).isEqualTo(1);
    }

    @Test
    void server_fields_and_reserved_meta_do_not_count_as_changes() throws Exception {
        submit(HELLO);
        String withServerFields = HELLO.replace("{\"Name\":\"hello\",", "{\"Name\":\"hello\",\"ID\":\"j-mine\",\"Version\":7,"
                + "\"Revision\":3,\"CreateTime\":5,\"State\":{\"StateType\":\"Running\"},\"Meta\":{\"bacalhau.org/x\":\"y\"},");

        assertThat(submit(withServerFields).statusCode()).isEqualTo(500);
    }

    @Test
    void force_stores_an_unchanged_spec_as_a_new_version() throws Exception {
        submit(HELLO);

        HttpResponse<String> forced = submitBody("{\"Job\":" + HELLO + ",\"Force\":true}");

        assertThat(forced.statusCode()).isEqualTo(200);
        assertThat(bacalhau.version("hello")).isEqualTo(2);
    }

    @Test
    void the_same_name_in_another_namespace_is_another_job() throws Exception {
        submit(HELLO);

        submit(HELLO.replace("\"Type\"", "\"Namespace\":\"team-a\",\"Type\""));

        assertThat(bacalhau.createdCount("team-a", "hello")).isEqualTo(1);
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
        assertThat(bacalhau.jobs()).hasSize(2);
    }

    @Test
    void a_job_without_name_is_named_after_its_id_and_never_deduplicated() throws Exception {
        String nameless = HELLO.replace("\"Name\":\"hello\",", "");

        String first = json(submit(nameless)).get("JobID").asText();
        String second = json(submit(nameless)).get("JobID").asText();

        assertThat(first).isNotEqualTo(second);
        assertThat(bacalhau.job(first).orElseThrow().get("Name").asText()).isEqualTo(first);
    }

    @Test
    void keys_match_case_insensitively_as_in_go() throws Exception {
        HttpResponse<String> response = submitBody("{\"job\":{\"name\":\"lower\",\"TYPE\":\"batch\",\"tasks\":[{\"name\":\"t\","
                + "\"engine\":{\"type\":\"docker\"},\"network\":{\"type\":\"http\"}}]}}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode task = bacalhau.job("lower").orElseThrow().get("Tasks").get(0);
        assertThat(task.get("Engine").get("Type").asText()).isEqualTo("docker");
        assertThat(task.get("Network").get("Type").asText()).isEqualTo("HTTP");
    }

    @Test
    void server_only_fields_come_back_as_warnings_in_bacalhaus_order() throws Exception {
        String withServerFields = HELLO.replace("{\"Name\":\"hello\",", "{\"Name\":\"hello\",\"ID\":\"j-mine\",\"Version\":7,"
                + "\"State\":{\"StateType\":\"running\"},\"Meta\":{\"bacalhau.org/b\":\"1\",\"bacalhau.org/a\":\"2\"},");

        JsonNode warnings = json(submit(withServerFields)).get("Warnings");

        assertThat(warnings).extracting(JsonNode::asText).containsExactly(
                "job state is ignored when submitting a job",
                "job version is ignored when submitting a job",
                "job ID is ignored when submitting a batch job",
                "job meta key \"bacalhau.org/a\" is reserved and will be ignored",
                "job meta key \"bacalhau.org/b\" is reserved and will be ignored");
    }

    // ---- binding and validation errors -----------------------------------------------------------------------

    @Test
    void a_body_that_is_not_declared_json_is_415_inside_a_400() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(jobsUri()).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + HELLO + "}")));

        assertError(response, 400, "code=415, message=Unsupported Media Type", "InternalError", "APIServer");
    }

    @Test
    void a_body_without_content_type_is_415_inside_a_400() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(jobsUri())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + HELLO + "}")));

        assertError(response, 400, "code=415, message=Unsupported Media Type", "InternalError", "APIServer");
    }

    @Test
    void malformed_json_gets_gos_syntax_error_with_offset() throws Exception {
        String go = "invalid character 'x' looking for beginning of value";

        assertError(submitBody("{\"Job\": x}"), 400, "code=400, message=Syntax error: offset=9, error=" + go
                + ", internal=" + go, "InternalError", "APIServer");
    }

    @Test
    void a_cut_off_body_is_an_unexpected_eof() throws Exception {
        assertError(submitBody("{\"Job\": {\"Name\":"), 400, "code=400, message=unexpected EOF, internal=unexpected EOF",
                "InternalError", "APIServer");
    }

    @Test
    void a_job_that_is_not_an_object_is_a_type_error() throws Exception {
        HttpResponse<String> response = submitBody("{\"Job\":\"hello\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("Message").asText())
                .startsWith("code=400, message=Unmarshal type error: expected=models.Job, got=string, field=Job, offset=");
    }

    @Test
    void a_request_without_a_job_is_empty_nil_job() throws Exception {
        assertError(submitBody("{}"), 400, "empty/nil job", "InternalError", "APIServer");
        assertError(submitBody("{\"Job\":null}"), 400, "empty/nil job", "InternalError", "APIServer");
        assertError(send(HttpRequest.newBuilder(jobsUri()).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.noBody())), 400, "empty/nil job", "InternalError", "APIServer");
    }

    @Test
    void the_minimal_validator_joins_bacalhaus_first_messages() throws Exception {
        assertError(submit("{\"Name\":\"x\"}"), 400, "missing job type\nmissing job tasks", "InternalError", "APIServer");
        assertError(submit(HELLO.replace("\"batch\"", "\"Batch\"")), 400, "invalid job type: \"Batch\"",
                "InternalError", "APIServer");
        assertThat(bacalhau.jobs()).isEmpty();
    }

    @Test
    void a_plugged_validator_decides_and_sees_the_decoded_job() throws Exception {
        bacalhau.validator(job -> job.get("Name").asText().startsWith("bad") ? List.of("first", "second") : List.of());

        assertError(submit(HELLO.replace("hello", "bad-one")), 400, "first\nsecond", "InternalError", "APIServer");
        assertThat(submit(HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void an_unknown_network_name_fails_the_bind() throws Exception {
        String wifi = HELLO.replace("}}}]", "}},\"Network\":{\"Type\":\"wifi\"}}]");

        assertError(submit(wifi), 400, "code=400, message=models.Network: unknown type 'wifi', internal=models.Network: "
                + "unknown type 'wifi'", "InternalError", "APIServer");
    }

    @Test
    void rejected_names_are_refused_by_the_job_store() throws Exception {
        bacalhau.rejectNames("hello");

        HttpResponse<String> response = submit(HELLO);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("Code").asText()).isEqualTo("BadRequest");
        assertThat(json(response).get("Component").asText()).isEqualTo("JobStore");
        assertThat(bacalhau.jobs()).isEmpty();
    }

    @Test
    void the_request_id_sent_is_echoed_in_errors() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(jobsUri()).header("Content-Type", "application/json")
                .header("X-Request-ID", "req-42").PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(json(response).get("RequestID").asText()).isEqualTo("req-42");
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Test
    void get_finds_a_job_by_name_id_or_unique_prefix() throws Exception {
        String id = json(submit(HELLO)).get("JobID").asText();

        assertThat(json(get("/api/v1/orchestrator/jobs/hello")).get("Job").get("ID").asText()).isEqualTo(id);
        assertThat(json(get("/api/v1/orchestrator/jobs/" + id)).get("Job").get("Name").asText()).isEqualTo("hello");
        assertThat(json(get("/api/v1/orchestrator/jobs/" + id.substring(0, 10))).get("Job").get("ID").asText()).isEqualTo(id);
    }

    @Test
    void get_of_an_unknown_job_is_404_job_not_found() throws Exception {
        assertError(get("/api/v1/orchestrator/jobs/nope"), 404, "job not found: nope", "NotFound", "JobStore");
    }

    @Test
    void list_returns_items_in_creation_order() throws Exception {
        submit(HELLO);
        submit(HELLO.replace("hello", "world"));

        JsonNode list = json(get("/api/v1/orchestrator/jobs"));

        assertThat(list.get("Items")).extracting(j -> j.get("Name").asText()).containsExactly("hello", "world");
        assertThat(list.get("NextToken").asText()).isEmpty();
    }

    @Test
    void alive_says_ok() throws Exception {
        HttpResponse<String> response = get("/api/v1/agent/alive");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"Status\":\"OK\"}\n");
    }

    // ---- auth ------------------------------------------------------------------------------------------------

    @Test
    void without_authorization_a_protected_double_answers_401_in_mains_shape() throws Exception {
        bacalhau.requireToken(TOKEN);

        HttpResponse<String> response = submit(HELLO);

        assertError(response, 401, "Request Unauthorized", "Unauthorized", "Authorizer");
        assertThat(json(response).get("Hint").asText()).isEqualTo("Unauthorized principal. Event has been recorded.");
        assertThat(json(response).get("Details").get("reason").asText()).isEqualTo("Missing Authorization header");
        assertThat(bacalhau.jobs()).isEmpty();
    }

    @Test
    void a_wrong_token_is_401_too() throws Exception {
        bacalhau.requireToken(TOKEN);

        HttpResponse<String> response = send(submitRequest("{\"Job\":" + HELLO + "}").header("Authorization", "Bearer wrong"));

        assertError(response, 401, "Request Unauthorized", "Unauthorized", "Authorizer");
        assertThat(json(response).get("Details").get("reason").asText()).isEqualTo("authentication failed: invalid API key");
    }

    @Test
    void the_right_token_is_let_through_and_alive_needs_none() throws Exception {
        bacalhau.requireToken(TOKEN);

        assertThat(send(submitRequest("{\"Job\":" + HELLO + "}").header("Authorization", "Bearer " + TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/v1/agent/alive").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/orchestrator/jobs").statusCode()).isEqualTo(401);
    }

    // ---- faults ----------------------------------------------------------------------------------------------

    @Test
    void rate_limited_submissions_get_429_with_retry_after_then_pass() throws Exception {
        bacalhau.rateLimitNext(1, "7");

        HttpResponse<String> limited = submit(HELLO);

        assertError(limited, 429, "rate limit exceeded", "InternalError", "APIServer");
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(submit(HELLO).statusCode()).isEqualTo(200);
    }

    @Test
    void fail_next_answers_the_status_n_times_without_storing() throws Exception {
        bacalhau.failNext(2, 502);

        assertThat(submit(HELLO).statusCode()).isEqualTo(502);
        assertThat(submit(HELLO).statusCode()).isEqualTo(502);
        assertThat(bacalhau.jobs()).isEmpty();
        assertThat(submit(HELLO).statusCode()).isEqualTo(200);
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
    }

    @Test
    void a_503_after_the_store_keeps_the_job_and_a_resend_finds_it_unchanged() throws Exception {
        bacalhau.randomFaults(0, 1.0, 7);

        HttpResponse<String> lost = submit(HELLO);

        assertThat(lost.statusCode()).isEqualTo(503);
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
        assertThat(bacalhau.acceptedCount()).isEqualTo(1);
        bacalhau.clearFaults();
        HttpResponse<String> resend = submit(HELLO);
        assertThat(resend.statusCode()).isEqualTo(500);
        assertThat(json(resend).get("Message").asText()).startsWith("no changes detected for new job spec. Job Name: 'hello'");
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
    }

    @Test
    void a_503_before_the_store_keeps_nothing() throws Exception {
        bacalhau.randomFaults(1.0, 0, 7);

        assertThat(submit(HELLO).statusCode()).isEqualTo(503);
        assertThat(bacalhau.jobs()).isEmpty();
        assertThat(bacalhau.acceptedCount()).isZero();
    }

    @Test
    void random_faults_repeat_for_the_same_seed() throws Exception {
        List<Integer> first = statusesWithSeed(42);
        List<Integer> second = statusesWithSeed(42);

        assertThat(first).isEqualTo(second).contains(200, 503);
    }

    private List<Integer> statusesWithSeed(long seed) throws Exception {
        try (BacalhauDouble other = BacalhauDouble.started()) {
            other.randomFaults(0.3, 0.3, seed);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(send(HttpRequest.newBuilder(URI.create(other.url() + BacalhauDouble.JOBS_PATH))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"Job\":" + HELLO.replace("hello", "job-" + i) + "}")))
                        .statusCode());
            }
            return statuses;
        }
    }

    @Test
    void a_delayed_answer_outlives_a_short_client_timeout() {
        bacalhau.delay(Duration.ofSeconds(30));

        assertThatThrownBy(() -> http.send(submitRequest("{\"Job\":" + HELLO + "}").timeout(Duration.ofMillis(200)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_stopped_double_refuses_connections_and_comes_back_on_the_same_port_with_its_jobs() throws Exception {
        submit(HELLO);
        int port = bacalhau.port();

        bacalhau.stop();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(submitRequest("{\"Job\":" + HELLO_V2 + "}").build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        bacalhau.start();
        assertThat(bacalhau.port()).isEqualTo(port);
        HttpResponse<String> afterRestart = HttpClient.newHttpClient().send(submitRequest("{\"Job\":" + HELLO + "}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(afterRestart.statusCode()).isEqualTo(500);
    }

    // ---- inspection and concurrency ------------------------------------------------------------------------

    @Test
    void requests_are_recorded_with_status_and_job_name() throws Exception {
        bacalhau.failNext(1, 503);
        submit(HELLO);
        submit(HELLO);
        get("/api/v1/agent/alive");

        assertThat(bacalhau.requests()).extracting(RecordedRequest::method, RecordedRequest::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PUT", 503), org.assertj.core.groups.Tuple.tuple("PUT", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", 200));
        assertThat(bacalhau.submissions()).extracting(RecordedRequest::jobName).containsExactly(null, "hello");
        assertThat(bacalhau.submissions().get(1).arrivedNanos()).isGreaterThan(bacalhau.submissions().get(0).arrivedNanos());
    }

    @Test
    void concurrent_resends_of_one_name_create_it_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sends.add(() -> submit(HELLO).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(sends)) {
                statuses.add(f.get());
            }

            assertThat(statuses).containsOnly(200, 500).containsOnlyOnce(200);
            assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void await_accepted_returns_once_enough_jobs_are_stored_and_fails_otherwise() throws Exception {
        submit(HELLO);
        submit(HELLO_V2);

        bacalhau.awaitAccepted(2, Duration.ofSeconds(5));
        assertThatThrownBy(() -> bacalhau.awaitAccepted(3, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("got 2");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private URI jobsUri() {
        return URI.create(bacalhau.url() + BacalhauDouble.JOBS_PATH);
    }

    private HttpRequest.Builder submitRequest(String body) {
        return HttpRequest.newBuilder(jobsUri()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    /** PUT {"Job": job}. */
    private HttpResponse<String> submit(String job) throws IOException, InterruptedException {
        return submitBody("{\"Job\":" + job + "}");
    }

    private HttpResponse<String> submitBody(String body) throws IOException, InterruptedException {
        return send(submitRequest(body));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(bacalhau.url() + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return DoubleJson.MAPPER.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertError(HttpResponse<String> response, int status, String message, String code,
                                    String component) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("Status").asInt()).isEqualTo(status);
        assertThat(body.get("Message").asText()).isEqualTo(message);
        assertThat(body.get("Code").asText()).isEqualTo(code);
        assertThat(body.get("Component").asText()).isEqualTo(component);
        assertThat(body.has("RequestID")).isTrue();
    }
}
