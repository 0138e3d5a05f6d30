package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API end to end, through real HTTP against a running jobdrop; run once per database. */
abstract class ApiBehaviour extends PipelineTestSupport {

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), null);
    }

    @Test
    void posts_a_job_file_and_answers_its_id_then_forwards_it_once() {
        ApiClient.Answer created = api().postYaml("/api/v1/jobs", job("posted"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
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
    }

    @Test
    void serves_health_on_the_same_port_as_the_api() {
        ApiClient.Answer health = api().get("/observe/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(api().get("/api/v1/stats").status()).isEqualTo(200);
    }
}
