package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP API end to end, through real HTTP against a running jobdrop; run once per database. */
abstract class ApiBehaviour extends PipelineTestSupport {

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), null);
    }

    @Test
    void posts_a_job_file_and_answers_its_id_then_forwards_it_once() {
        ApiClient.Answer created = api().postYaml("/api/v1/jobs", job("posted"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().get("content-type")).anySatisfy(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = created.json();
        assertThat(answer.get("verdict").asText()).isEqualTo("accepted");
        JsonNode job = answer.get("jobs").get(0);
        assertThat(job.get("id").asText()).startsWith("j-");
        assertThat(job.get("name").asText()).isEqualTo("posted");
        assertThat(job.get("namespace").asText()).isEqualTo("default");
        assertThat(job.get("version").asLong()).isEqualTo(1);
        assertThat(job.get("change").asText()).isEqualTo("created");
        assertThat(job.get("state").asText()).isEqualTo("queued");
        assertThat(answer.get("warnings").isArray()).isTrue();
        awaitDelivery("posted", DeliveryState.SUBMITTED);
        assertThat(orchestrator.createdCount("posted")).isEqualTo(1);
        assertThat(ledgerJob("posted").id()).isEqualTo(job.get("id").asText());
    }

    @Test
    void answers_200_unchanged_to_the_same_body_posted_twice_and_does_not_resend_it() {
        assertThat(api().postYaml("/api/v1/jobs", job("twice")).status()).isEqualTo(201);
        awaitDelivery("twice", DeliveryState.SUBMITTED);

        ApiClient.Answer again = api().postYaml("/api/v1/jobs", job("twice"));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        JsonNode job = again.json().get("jobs").get(0);
        assertThat(job.get("change").asText()).isEqualTo("unchanged");
        assertThat(job.get("state").asText()).isEqualTo("submitted");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> submissionsOf("twice").size() == 1);
    }

    @Test
    void answers_an_update_with_the_next_version_in_json_and_yaml_alike() {
        assertThat(api().postYaml("/api/v1/jobs", job("updated")).status()).isEqualTo(201);
        String json = """
                {"Job": {"Name": "updated", "Type": "batch", "Tasks": [{"Name": "main", "Engine": {"Type": "docker",
                 "Params": {"Image": "ubuntu:24.04", "Parameters": ["sh", "-c", "echo v2"]}}}]}}""";

        ApiClient.Answer update = api().postJob("/api/v1/jobs", "application/json; charset=utf-8",
                json.getBytes(StandardCharsets.UTF_8));

        assertThat(update.status()).as(update.body()).isEqualTo(201);
        JsonNode job = update.json().get("jobs").get(0);
        assertThat(job.get("change").asText()).isEqualTo("updated");
        assertThat(job.get("version").asLong()).isEqualTo(2);
        assertThat(update.json().get("warnings").toString()).contains("Job");
    }

    @Test
    void answers_an_idempotent_retry_with_the_first_answer_and_records_nothing_new() {
        ApiClient.Answer first = api().postYaml("/api/v1/jobs", job("keyed"), "Idempotency-Key", "batch-42");
        assertThat(first.status()).isEqualTo(201);
        int files = intakeCount();

        ApiClient.Answer retry = api().postYaml("/api/v1/jobs", job("keyed", "echo changed meanwhile"),
                "Idempotency-Key", "batch-42");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(intakeCount()).isEqualTo(files);
        assertThat(ledgerJob("keyed").version()).isEqualTo(1);
        ApiClient.Answer otherKey = api().postYaml("/api/v1/jobs", job("keyed", "echo changed meanwhile"),
                "Idempotency-Key", "batch-43");
        assertThat(otherKey.json().get("jobs").get(0).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void rejects_a_bad_body_with_400_and_the_validate_json_object() {
        String bad = job("bad").replace("Type: batch", "Type: batch\nCount: -1");

        ApiClient.Answer rejected = api().postYaml("/api/v1/jobs", bad, "X-Jobdrop-Source", "etl-nightly");

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(400);
        JsonNode report = rejected.json();
        assertThat(report.get("file").asText()).isEqualTo("etl-nightly");
        assertThat(report.get("verdict").asText()).isEqualTo("rejected");
        JsonNode error = report.get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(report.get("jobs")).isEmpty();
        JsonNode files = api().get("/api/v1/files?verdict=rejected").json().get("items");
        assertThat(files).hasSize(1);
        assertThat(files.get(0).get("source").asText()).isEqualTo("http");
        assertThat(files.get(0).get("name").asText()).isEqualTo("etl-nightly");
        assertThat(files.get(0).get("errors").get(0).get("line").asInt()).isEqualTo(3);
    }

    @Test
    void refuses_other_content_types_with_415() {
        ApiClient.Answer refused = api().postJob("/api/v1/jobs", "text/plain",
                job("plain").getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().has("status")).as(refused.body()).isTrue();
        assertThat(refused.json().get("status").asInt()).isEqualTo(415);
        assertThat(refused.json().get("message").asText()).contains("text/plain");
        assertThat(intakeCount()).isZero();
        for (String type : List.of("application/x-yaml", "text/yaml")) {
            assertThat(api().postJob("/api/v1/jobs", type, job("typed").getBytes(StandardCharsets.UTF_8)).status())
                    .as(type).isIn(200, 201);
        }
    }

    @Test
    void refuses_a_body_over_10_mib_with_413_and_takes_one_of_exactly_10_mib() {
        byte[] over = padded(10 * 1024 * 1024 + 1);
        ApiClient.Answer refused = api().postJob("/api/v1/jobs", "application/yaml", over);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().get("status").asInt()).isEqualTo(413);
        assertThat(refused.json().get("message").asText()).contains("10 MiB");
        assertThat(intakeCount()).isZero();

        ApiClient.Answer taken = api().postJob("/api/v1/jobs", "application/yaml", padded(10 * 1024 * 1024));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    }

    /** A valid job file of exactly {@code size} bytes: the job, then YAML comment lines filling the rest. */
    private static byte[] padded(int size) {
        byte[] head = job("big").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(head, 0, body, 0, head.length);
        for (int at = head.length; at < size; at += 80) {
            body[at] = '#';
            body[Math.min(at + 79, size - 1)] = '\n';
        }
        return body;
    }

    @Test
    void renders_templates_with_var_parameters_and_judges_a_dry_run_without_recording() {
        String template = job("{{.team}}-report", "echo {{.day}}");

        ApiClient.Answer dry = api().postYaml("/api/v1/jobs?dryRun=true&var=team=ops&var=day=monday", template);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.json().get("jobs").get(0).get("Name").asText()).isEqualTo("ops-report");
        assertThat(intakeCount()).isZero();

        ApiClient.Answer missing = api().postYaml("/api/v1/jobs", template);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("message").asText()).contains("team");

        ApiClient.Answer taken = api().postYaml("/api/v1/jobs?var=team=ops&var=day=monday", template);
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("jobs").get(0).get("name").asText()).isEqualTo("ops-report");
        assertThat(api().postYaml("/api/v1/jobs?dryRun=maybe", template).status()).isEqualTo(400);
    }

    @Test
    void lists_jobs_by_state_name_and_source_and_shows_one_with_its_history() {
        String id = api().postYaml("/api/v1/jobs", job("shown"), "X-Jobdrop-Source", "etl-nightly").json()
                .get("jobs").get(0).get("id").asText();
        api().postYaml("/api/v1/jobs", job("other"));
        awaitDelivery("shown", DeliveryState.SUBMITTED);
        awaitDelivery("other", DeliveryState.SUBMITTED);

        assertThat(names(api().get("/api/v1/jobs?source=etl-nightly").json())).containsExactly("shown");
        assertThat(names(api().get("/api/v1/jobs?name=other").json())).containsExactly("other");
        assertThat(names(api().get("/api/v1/jobs?state=submitted").json())).containsExactly("other", "shown");
        assertThat(names(api().get("/api/v1/jobs?state=dead").json())).isEmpty();

        for (String key : List.of(id, "shown")) {
            ApiClient.Answer shown = api().get("/api/v1/jobs/" + key);
            assertThat(shown.status()).as(shown.body()).isEqualTo(200);
            JsonNode job = shown.json();
            assertThat(job.get("id").asText()).isEqualTo(id);
            assertThat(job.get("delivery").asText()).isEqualTo("submitted");
            assertThat(job.get("orchestratorJobId").asText()).isNotEmpty();
            assertThat(job.get("versions").get(0).get("source").asText()).isEqualTo("etl-nightly");
            assertThat(job.get("events")).extracting(e -> e.get("type").asText()).contains("accepted", "forwarded");
            assertThat(job.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
            assertThat(job.get("job").get("Name").asText()).isEqualTo("shown");
        }
    }

    @Test
    void answers_404_for_an_unknown_job_and_400_for_bad_parameters_as_json() {
        for (String path : List.of("/api/v1/jobs/j-nope", "/api/v1/jobs/nope/replay")) {
            ApiClient.Answer unknown = path.endsWith("replay") ? api().post(path) : api().get(path);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
            assertThat(unknown.json().get("message").asText()).contains("nope");
        }
        for (String query : List.of("/api/v1/jobs?limit=0", "/api/v1/jobs?limit=ten", "/api/v1/jobs?state=lost",
                "/api/v1/jobs?after=garbage", "/api/v1/files?verdict=maybe", "/api/v1/files?after=x")) {
            ApiClient.Answer bad = api().get(query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.json().get("status").asInt()).isEqualTo(400);
            assertThat(bad.json().get("message").asText()).as(query).isNotBlank();
        }
    }

    @Test
    void answers_a_rerun_of_an_unknown_job_with_404_and_of_a_dead_letter_with_409() {
        ApiClient.Answer unknown = api().post("/api/v1/jobs/nope/rerun");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).contains("nope");

        orchestrator.rejectNames("refused-rerun");
        api().postYaml("/api/v1/jobs", job("refused-rerun"));
        awaitDelivery("refused-rerun", DeliveryState.DEAD);
        ApiClient.Answer dead = api().post("/api/v1/jobs/refused-rerun/rerun");

        assertThat(dead.status()).as(dead.body()).isEqualTo(409);
        assertThat(dead.json().get("status").asInt()).isEqualTo(409);
        assertThat(dead.json().get("message").asText()).contains("a dead letter: replay it instead");
        assertThat(orchestrator.reruns()).isEmpty();
    }

    @Test
    void replays_a_dead_letter_and_all_dead_letters_through_the_api() {
        orchestrator.rejectNames("refused-1", "refused-2", "refused-3");
        for (String name : List.of("refused-1", "refused-2", "refused-3")) {
            api().postYaml("/api/v1/jobs", job(name));
            awaitDelivery(name, DeliveryState.DEAD);
        }
        assertThat(api().get("/api/v1/stats").json().get("deadLetters").asLong()).isEqualTo(3);
        orchestrator.clearFaults();

        ApiClient.Answer one = api().post("/api/v1/jobs/refused-1/replay");
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("replayed").asInt()).isEqualTo(1);
        awaitDelivery("refused-1", DeliveryState.SUBMITTED);
        assertThat(api().post("/api/v1/jobs/refused-1/replay").json().get("replayed").asInt()).isZero();

        ApiClient.Answer all = api().post("/api/v1/dead-letters/replay");
        assertThat(all.json().get("replayed").asInt()).isEqualTo(2);
        awaitDelivery("refused-2", DeliveryState.SUBMITTED);
        awaitDelivery("refused-3", DeliveryState.SUBMITTED);
    }

    @Test
    void lists_taken_files_and_bodies_with_their_jobs_and_where_they_went() {
        drop("dropped.yaml", job("from-inbox"));
        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(".done").contains("dropped.yaml"));
        api().postYaml("/api/v1/jobs", job("from-http"), "X-Jobdrop-Source", "etl");

        JsonNode items = api().get("/api/v1/files?verdict=accepted").json().get("items");

        assertThat(items).hasSize(2);
        JsonNode body = items.get(0);
        assertThat(body.get("source").asText()).isEqualTo("http");
        assertThat(body.get("name").asText()).isEqualTo("etl");
        assertThat(body.get("jobs").get(0).get("name").asText()).isEqualTo("from-http");
        assertThat(body.get("jobs").get(0).get("change").asText()).isEqualTo("created");
        assertThat(body.get("placedAs").isNull()).isTrue();
        JsonNode file = items.get(1);
        assertThat(file.get("source").asText()).isEqualTo("inbox");
        assertThat(file.get("verdict").asText()).isEqualTo("accepted");
        assertThat(file.get("time").asText()).isNotBlank();
        assertThat(file.get("jobs").get(0).get("name").asText()).isEqualTo("from-inbox");
        assertThat(file.get("placedAs").asText()).endsWith("inbox/.done/dropped.yaml");
        assertThat(api().get("/api/v1/files?name=etl").json().get("items")).hasSize(1);

        // the same name dropped again is filed under a numbered name, and the API says which
        drop("dropped.yaml", job("from-inbox-again"));
        await().atMost(Duration.ofSeconds(30)).until(() -> api().get("/api/v1/files?verdict=accepted").json()
                .get("items").findValuesAsText("placedAs").stream()
                .anyMatch(place -> place.endsWith("inbox/.done/dropped.1.yaml")));
    }

    @Test
    void counts_files_jobs_and_the_outbox_in_stats() {
        orchestrator.stop();
        api().postYaml("/api/v1/jobs", job("waiting"));
        api().postYaml("/api/v1/jobs", job("bad").replace("Type: batch", "Type: nonsense"));

        JsonNode stats = api().get("/api/v1/stats").json();

        assertThat(stats.get("files").get("accepted").asLong()).isEqualTo(1);
        assertThat(stats.get("files").get("rejected").asLong()).isEqualTo(1);
        assertThat(stats.get("jobs").get("queued").asLong()).isEqualTo(1);
        assertThat(stats.get("jobs").get("submitted").asLong()).isZero();
        assertThat(stats.get("outbox").get("depth").asLong()).isEqualTo(1);
        assertThat(stats.get("oldestQueuedAgeSeconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(stats.get("deadLetters").asLong()).isZero();
        assertThat(stats.toString()).doesNotContain("password");
    }

    @Test
    void pages_through_2500_jobs_newest_first_without_gaps_or_repeats() {
        for (int body = 0; body < 25; body++) {
            StringBuilder file = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                file.append(job("paged-" + (body * 100 + i))).append("---\n");
            }
            assertThat(api().postYaml("/api/v1/jobs", file.toString()).status()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = api().get("/api/v1/jobs?limit=300" + (next == null ? "" : "&after=" + next)).json();
            page.get("items").forEach(item -> seen.add(item.get("name").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(9);
        assertThat(seen).hasSize(2500);
        Set<String> distinct = new HashSet<>(seen);
        assertThat(distinct).hasSize(2500);
        assertThat(seen.get(0)).isEqualTo("paged-2499");
        assertThat(seen.get(2499)).isEqualTo("paged-0");
    }

    private int intakeCount() {
        JsonNode stats = api().get("/api/v1/stats").json().get("files");
        return stats.get("accepted").asInt() + stats.get("rejected").asInt();
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    List<io.jobdrop.testing.RecordedRequest> submissionsOf(String name) {
        return orchestrator.submissions().stream().filter(r -> name.equals(r.jobName())).toList();
    }
}
