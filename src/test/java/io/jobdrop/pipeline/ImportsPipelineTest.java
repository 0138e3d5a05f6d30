package io.jobdrop.pipeline;

import com.sun.net.httpserver.HttpServer;
import io.jobdrop.intake.imports.ImportView;
import io.jobdrop.testing.LogCapture;
import io.jobdrop.store.ImportFire;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled imports in the real pipeline (H2 ledger, Quartz schedules, the orchestrator double): a template rendered
 * per fire, a folder read each fire, a URL fetched with conditional GET, and a broken import file beside them.
 */
class ImportsPipelineTest extends PipelineTestSupport {

    // created on first use, like the base class's fixtures (properties are asked for before field initializers run)
    Path imports;
    Path jobsFolder;
    HttpServer upstream;
    List<String> ifNoneMatch;
    List<String> authorization;
    AtomicReference<String[]> published; // {etag, body}

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        try {
            imports = Files.createDirectories(work.resolve("imports"));
            jobsFolder = Files.createDirectories(work.resolve("published"));
            Files.writeString(imports.resolve("report.yaml"), """
                    name: report
                    schedule: every 2s
                    from: jobs/report.yaml
                    vars: {team: analytics}
                    """);
            Files.createDirectories(imports.resolve("jobs"));
            Files.writeString(imports.resolve("jobs/report.yaml"),
                    job("report-{{.fire_unix}}", "echo {{.team}} {{.fire_date}} run {{.run}}"));
            Files.writeString(imports.resolve("jobs/broken-template.yaml"),
                    "Name: adhoc-{{.run}}\nType: batch\nCount: {{ nosuchfunc 1 }}\n");
            Files.writeString(jobsFolder.resolve("a.yaml"), job("folder-a"));
            Files.writeString(jobsFolder.resolve("b.json"), """
                    {"Name": "folder-b", "Type": "batch", "Tasks": [{"Name": "main", "Engine": {"Type": "docker",
                     "Params": {"Image": "ubuntu:24.04"}}}]}
                    """);
            Files.writeString(imports.resolve("more.yaml"), """
                    - name: folder
                      schedule: "*/2 * * * * ?"
                      from: %s
                    - name: on-request
                      schedule: 0 0 0 1 1 ? 2099
                      from: jobs/broken-template.yaml
                    - name: upstream
                      schedule: every 2s
                      catch-up: none
                      from: http://127.0.0.1:%d/jobs.yaml
                    """.formatted(jobsFolder, startUpstream()));
            Files.writeString(imports.resolve("broken.yaml"), """
                    name: broken
                    schedule: every 7m
                    from: x.yaml
                    """);
            Files.writeString(imports.resolve("unknown-key.yaml"), """
                    name: typo
                    schedule: every 1m
                    form: x.yaml
                    """);
            Files.writeString(imports.resolve("not-yaml.yml"), "name: [unclosed\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.put("jobdrop.imports.dir", imports.toString());
        p.put("jobdrop.imports.poll-ms", "100");
        p.put("jobdrop.imports.token", "upstream-secret");
    }

    private int startUpstream() throws IOException {
        ifNoneMatch = new CopyOnWriteArrayList<>();
        authorization = new CopyOnWriteArrayList<>();
        published = new AtomicReference<>(new String[] {"\"v1\"", job("from-url", "echo v1")});
        return serveUpstream(0);
    }

    private int serveUpstream(int port) throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        upstream.createContext("/jobs.yaml", exchange -> {
            String[] now = published.get();
            String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
            ifNoneMatch.add(String.valueOf(asked));
            authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (now[0].equals(asked)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = now[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", now[0]);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        upstream.start();
        return upstream.getAddress().getPort();
    }

    @AfterEach
    void stopUpstream() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    private ImportView view() {
        return context.getRegistry().lookupByNameAndType("importView", ImportView.class);
    }

    @Test
    void submits_a_new_job_per_fire_named_as_rendered_from_the_template() {
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.jobs().stream()
                .filter(j -> j.path("Name").asText().startsWith("report-")).count() >= 2);
        List<Map<String, Object>> fires = view().fires("report", 10);
        for (var job : orchestrator.jobs()) {
            String name = job.path("Name").asText();
            if (!name.startsWith("report-")) {
                continue;
            }
            long unix = Long.parseLong(name.substring("report-".length()));
            assertThat(unix % 2).as("fires on the even seconds: " + name).isZero();
            String fireTime = Instant.ofEpochSecond(unix).toString();
            assertThat(fires).as("a fire row for " + name).anySatisfy(f -> {
                assertThat(f.get("fire_time")).isEqualTo(fireTime);
                assertThat(f.get("outcome")).isIn("done", "pending");
            });
            assertThat(job.toString()).contains("echo analytics " + Instant.ofEpochSecond(unix).toString()
                    .substring(0, 10) + " run ");
            assertThat(ledger().show(name).orElseThrow().versions().get(0).source())
                    .isEqualTo("import:report@" + fireTime);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> view().fires("report", 10).stream()
                .anyMatch(f -> "done".equals(f.get("outcome")) && f.get("jobs").toString().contains("report-")));
        // one instance id per context: the fires are claimed under the name the cluster leases carry
        Object instance = context.getRegistry().lookupByNameAndType("clusterHealth", HealthCheck.class).call()
                .getDetails().get("instance");
        assertThat(view().fires("report", 10)).extracting(f -> f.get("claimed_by")).containsOnly(instance);
    }

    @Test
    void submits_every_job_file_of_a_folder_each_fire_and_leaves_the_folder_unchanged() throws Exception {
        Map<Path, String> before = Map.of(jobsFolder.resolve("a.yaml"), Files.readString(jobsFolder.resolve("a.yaml")),
                jobsFolder.resolve("b.json"), Files.readString(jobsFolder.resolve("b.json")));
        FileTime mtime = Files.getLastModifiedTime(jobsFolder.resolve("a.yaml"));
        await().atMost(Duration.ofSeconds(30)).until(() -> view().fires("folder", 10).stream()
                .filter(f -> "done".equals(f.get("outcome"))).count() >= 2);
        orchestrator.awaitAccepted(2, Duration.ofSeconds(10));
        assertThat(orchestrator.createdCount("folder-a")).isEqualTo(1);
        assertThat(orchestrator.createdCount("folder-b")).isEqualTo(1);
        Map<String, Object> later = view().fires("folder", 10).stream()
                .filter(f -> "done".equals(f.get("outcome"))).findFirst().orElseThrow();
        assertThat(later.get("accepted")).isEqualTo(2);
        assertThat(later.get("jobs").toString()).contains("folder-a", "folder-b");
        try (var files = Files.list(jobsFolder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).containsExactly("a.yaml", "b.json");
        }
        before.forEach((file, content) -> assertThat(file).hasContent(content));
        assertThat(Files.getLastModifiedTime(jobsFolder.resolve("a.yaml"))).isEqualTo(mtime);
    }

    @Test
    void fetches_a_url_with_conditional_get_and_submits_only_new_content() {
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("from-url") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ifNoneMatch.size() >= 3);
        assertThat(ifNoneMatch.get(0)).isEqualTo("null");
        assertThat(ifNoneMatch.subList(1, ifNoneMatch.size())).allMatch("\"v1\""::equals);
        assertThat(authorization).allMatch("Bearer upstream-secret"::equals);
        await().atMost(Duration.ofSeconds(10)).until(() -> view().fires("upstream", 10).stream()
                .anyMatch(f -> "skipped".equals(f.get("outcome"))));
        assertThat(orchestrator.submissions()).filteredOn(r -> "from-url".equals(r.jobName())).hasSize(1);

        published.set(new String[] {"\"v2\"", job("from-url", "echo v2")});
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.version("from-url") == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> ifNoneMatch.contains("\"v2\""));
        assertThat(orchestrator.submissions()).filteredOn(r -> "from-url".equals(r.jobName())).hasSize(2);
    }

    @Test
    void reports_a_bad_import_file_with_its_line_while_the_good_ones_run() {
        assertThat(view().problems()).anySatisfy(p -> assertThat(p)
                .startsWith(imports.resolve("broken.yaml") + ":2:")
                .contains("every 7m cannot be aligned"));
        assertThat(view().problems()).anySatisfy(p -> assertThat(p)
                .startsWith(imports.resolve("unknown-key.yaml") + ":3:1: unknown key 'form'"));
        assertThat(view().problems()).anySatisfy(p -> assertThat(p)
                .startsWith(imports.resolve("not-yaml.yml") + ":"));
        assertThat(view().catalog().all()).extracting(d -> d.name())
                .containsExactly("folder", "on-request", "upstream", "report");
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.jobs().stream()
                .anyMatch(j -> j.path("Name").asText().startsWith("report-")));
    }

    @Test
    void fires_on_request_through_the_api_and_reports_a_rejected_template_on_the_fire() {
        ApiClient api = new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"),
                null);
        ApiClient.Answer listed = api.get("/api/v1/imports");
        assertThat(listed.status()).isEqualTo(200);
        List<String> names = new java.util.ArrayList<>();
        listed.json().get("items").forEach(item -> names.add(item.get("name").asText()));
        assertThat(names).containsExactly("folder", "on-request", "upstream", "report");
        assertThat(listed.json().get("problems").toString()).contains("broken.yaml:2:", "unknown key 'form'");
        assertThat(listed.json().get("items").get(1).get("next_fire").asText()).isEqualTo("2099-01-01T00:00:00Z");

        ApiClient.Answer fired = api.post("/api/v1/imports/on-request/fire");
        assertThat(fired.status()).as(fired.body()).isEqualTo(202);
        String fireTime = fired.json().get("fire_time").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/api/v1/imports/on-request").json()
                .get("fires").get(0).get("outcome").asText().equals("pending"));
        var fire = api.get("/api/v1/imports/on-request").json().get("fires").get(0);
        assertThat(fire.get("fire_time").asText()).isEqualTo(fireTime);
        assertThat(fire.get("trigger").asText()).isEqualTo("request");
        assertThat(fire.get("outcome").asText()).isEqualTo("error");
        assertThat(fire.get("rejected").asInt()).isEqualTo(1);
        var error = fire.get("detail").get(0).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(error.get("message").asText()).contains("function \"nosuchfunc\" not defined");

        assertThat(api.post("/api/v1/imports/no-such/fire").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/imports/no-such").status()).isEqualTo(404);
    }

    @Test
    void reports_an_unreachable_url_in_health_metrics_and_one_warning_and_recovers() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("from-url") == 1);
            int port = upstream.getAddress().getPort();
            upstream.stop(0);
            ApiClient api = new ApiClient("http://127.0.0.1:"
                    + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), null);

            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/observe/health").status() == 503);
            var checks = api.get("/observe/health").json().get("checks");
            var imports = java.util.stream.StreamSupport.stream(checks.spliterator(), false)
                    .filter(c -> c.get("name").asText().equals("imports")).findFirst().orElseThrow();
            assertThat(imports.get("status").asText()).isEqualTo("DOWN");
            // Camel's health JSON escapes the slashes of the URL
            assertThat(imports.get("message").asText()).startsWith("unreachable: upstream (GET http")
                    .contains("127.0.0.1:" + port, "jobs.yaml: ConnectException");
            assertThat(api.get("/observe/health/ready").status()).as("readiness-neutral").isEqualTo(200);
            assertThat(api.get("/observe/metrics").body()).containsPattern(
                    "jobdrop_import_unreachable\\{import=\"upstream\",?\\} 1.0");
            await().atMost(Duration.ofSeconds(10)).until(() -> view().fires("upstream", 10).stream()
                    .anyMatch(f -> ((Integer) f.get("attempts")) >= 2 || "unreachable".equals(f.get("outcome"))));

            serveUpstream(port);
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/observe/health").status() == 200);
            assertThat(log.lines()).filteredOn(l -> l.contains("import upstream outage:")).hasSize(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.text().contains("import upstream outage over"));
            assertThat(api.get("/observe/metrics").body())
                    .containsPattern("jobdrop_import_unreachable\\{import=\"upstream\",?\\} 0.0")
                    .containsPattern("jobdrop_import_fires_total\\{import=\"upstream\",outcome=\"done\",?\\} 1.0");
        }
    }
}
