package io.jobdrop.pipeline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /observe/health and /observe/health/ready on the default ledger (H2), with the real routes. */
class HealthTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.health.stall-after", "1s");
    }

    @Test
    void stays_ready_but_reports_health_down_while_the_orchestrator_is_unreachable() throws Exception {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get("/observe/health").body())
                .startsWith("{\"status\":\"UP\"").doesNotContain("DOWN"));
        assertThat(get("/observe/health").statusCode()).isEqualTo(200);
        orchestrator.stop();

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/observe/health").statusCode() == 503);
        HttpResponse<String> health = get("/observe/health");
        assertThat(health.body()).contains("orchestrator", "orchestrator unreachable");
        HttpResponse<String> ready = get("/observe/health/ready");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("UP").doesNotContain("orchestrator");
    }

    @Test
    void starts_an_inbox_route_again_that_stopped_while_files_wait() throws Exception {
        context.getRouteController().stopRoute("inbox-intake");
        drop("waiting.yaml", job("waiting"));

        await().atMost(Duration.ofSeconds(30)).until(() -> filesIn(".done").contains("waiting.yaml"));
        assertThat(context.getRouteController().getRouteStatus("inbox-intake").isStarted()).isTrue();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        String port = context.resolvePropertyPlaceholders("{{jobdrop.api-port}}");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
