package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.testing.LogCapture;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.apache.camel.model.rest.ResponseMessageDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * jobdrop's one HTTP server as a whole: /api/v1 and /observe on the same port, bound beyond loopback (which warns
 * without a token), the OpenAPI document generated from the REST DSL, and the Prometheus metrics. Server concerns,
 * not database ones: H2 only.
 */
class ApiServerTest extends PipelineTestSupport {

    private static LogCapture log;

    @BeforeAll
    static void captureLog() {
        log = LogCapture.start();
    }

    @AfterAll
    static void releaseLog() {
        log.close();
    }

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.api.host", "0.0.0.0");
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), null);
    }

    @Test
    void serves_api_health_and_metrics_on_one_port_and_warns_when_open_beyond_loopback_without_a_token() {
        assertThat(api().get("/observe/health").status()).isEqualTo(200);
        assertThat(api().get("/observe/metrics").status()).isEqualTo(200);
        assertThat(api().get("/api/v1/stats").status()).isEqualTo(200);
        assertThat(log.text()).contains("the HTTP API listens on 0.0.0.0 without a token");
    }

    @Test
    void describes_every_rest_operation_in_the_generated_openapi_document() {
        ApiClient.Answer answer = api().get("/api/v1/openapi.json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode doc = answer.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("info").get("title").asText()).isEqualTo("jobdrop HTTP API");

        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        List<String> routed = new ArrayList<>();
        for (RestDefinition rest : context.getCamelContextExtension().getContextPlugin(
                org.apache.camel.model.Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                String path = rest.getPath() + verb.getPath();
                routed.add(verb.asVerb().toUpperCase(Locale.ROOT) + " " + path);
                JsonNode operation = doc.get("paths").get(path).get(verb.asVerb());
                assertThat(operation.get("operationId").asText()).isEqualTo(verb.getId());
                for (ResponseMessageDefinition response : verb.getResponseMsgs()) {
                    assertThat(operation.get("responses").has(response.getCode())).as(path + " " + response.getCode())
                            .isTrue();
                }
            }
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(routed);
        assertThat(routed).contains("POST /api/v1/jobs", "GET /api/v1/jobs", "GET /api/v1/jobs/{idOrName}",
                "POST /api/v1/jobs/{idOrName}/replay", "POST /api/v1/dead-letters/replay", "GET /api/v1/files",
                "GET /api/v1/stats");
        JsonNode post = doc.get("paths").get("/api/v1/jobs").get("post");
        List<String> consumed = new ArrayList<>();
        post.get("requestBody").get("content").fieldNames().forEachRemaining(consumed::add);
        assertThat(consumed).containsExactlyInAnyOrder("application/yaml", "application/x-yaml", "text/yaml",
                "application/json");
        List<String> parameters = new ArrayList<>();
        post.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).contains("var", "dryRun", "X-Jobdrop-Source", "Idempotency-Key");
    }

    @Test
    void exposes_jobdrop_series_beside_camel_and_jvm_ones_without_the_outbox_timer_route() throws Exception {
        orchestrator.rejectNames("refused");
        assertThat(api().postYaml("/api/v1/jobs", job("measured")).status()).isEqualTo(201);
        assertThat(api().postYaml("/api/v1/jobs", job("refused")).status()).isEqualTo(201);
        assertThat(api().postYaml("/api/v1/jobs", job("bad").replace("Type: batch", "Type: nonsense")).status())
                .isEqualTo(400);
        awaitDelivery("measured", DeliveryState.SUBMITTED);
        awaitDelivery("refused", DeliveryState.DEAD);
        // a gauge whose object only Micrometer holds (weakly) reads NaN once a collection clears it (seen in CI)
        System.gc();

        ApiClient.Answer scrape = api().get("/observe/metrics");
        assertThat(scrape.status()).isEqualTo(200);
        String text = scrape.body();
        assertThat(value(text, "jobdrop_intake_taken_total{source=\"http\",verdict=\"accepted\"}")).isEqualTo(2);
        assertThat(value(text, "jobdrop_intake_taken_total{source=\"http\",verdict=\"rejected\"}")).isEqualTo(1);
        assertThat(value(text, "jobdrop_jobs_total{change=\"created\"}")).isEqualTo(2);
        assertThat(value(text, "jobdrop_forward_attempts_total{outcome=\"submitted\"}")).isEqualTo(1);
        assertThat(value(text, "jobdrop_forward_attempts_total{outcome=\"rejected\"}")).isEqualTo(1);
        assertThat(value(text, "jobdrop_dead_letters")).isEqualTo(1);
        assertThat(value(text, "jobdrop_outbox_depth{state=\"pending\"}")).isZero();
        assertThat(value(text, "jobdrop_outbox_oldest_queued_age_seconds")).isZero();
        assertThat(value(text, "jobdrop_drop_to_acknowledged_seconds_count")).isEqualTo(1);
        assertThat(value(text, "jobdrop_forward_latency_seconds_count")).isEqualTo(2);
        // two records and two forward attempts at least, each committed in one of the writers' transactions
        double transactions = value(text, "jobdrop_ledger_transactions_total");
        assertThat(transactions).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "jobdrop_ledger_writes_total")).isGreaterThanOrEqualTo(Math.max(4, transactions));
        assertThat(value(text, "jobdrop_ledger_writer_busy_seconds_total")).isPositive();
        // the H2 ledger's file, as it is on disk
        assertThat(value(text, "jobdrop_ledger_file_bytes")).isPositive()
                .isLessThanOrEqualTo(Files.size(work.resolve("data/jobdrop.mv.db")));
        assertThat(text).contains("jobdrop_drop_to_acknowledged_seconds_bucket{le=")
                .contains("jobdrop_forward_latency_seconds_bucket{le=");
        assertThat(text).contains("jvm_memory_used_bytes");
        List<String> routeSeries = text.lines().filter(l -> l.startsWith("camel_exchanges_total{")).toList();
        assertThat(routeSeries).anySatisfy(l -> assertThat(l).contains("routeId=\"api-post-job\""))
                .anySatisfy(l -> assertThat(l).contains("routeId=\"forward-one\""))
                .noneSatisfy(l -> assertThat(l).contains("routeId=\"drain-outbox\""));
        // timing every exchange at every endpoint cost a tenth of a PostgreSQL burst's CPU (bench/)
        assertThat(text).doesNotContain("camel_exchange_event_notifier");
        assertThat(jobdropSeries(text)).allSatisfy(line -> assertThat(line).matches(
                "jobdrop_[a-z0-9_]+(\\{([a-z_]+=\"[^\"]*\",?)*})? \\S+"));
        promtoolAccepts(text.lines().filter(l -> l.startsWith("jobdrop_") || l.startsWith("# HELP jobdrop_")
                || l.startsWith("# TYPE jobdrop_")).toList());
    }

    private static double value(String exposition, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(exposition);
        assertThat(m.find()).as("series %s in%n%s", series, exposition).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** jobdrop's own samples. */
    private static List<String> jobdropSeries(String exposition) {
        return exposition.lines().filter(l -> l.startsWith("jobdrop_")).toList();
    }

    /** Prometheus' own linter on jobdrop's series, when promtool is installed (apt prometheus). */
    private static void promtoolAccepts(List<String> series) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool is not installed: exposition checked by name only");
        String exposition = String.join("\n", series) + "\n";
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        check.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
        check.getOutputStream().close();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
    }
}
