package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API behind jobdrop.api.token: every /api/v1 request needs the bearer token, /observe stays open, and neither
 * the API token nor the orchestrator's appears in any answer. The guard sits on the HTTP server, not the database, so
 * one database (H2) is enough.
 */
class ApiTokenTest extends PipelineTestSupport {

    private static final String TOKEN = "api-s3cret-token";
    private static final String ORCHESTRATOR_TOKEN = "orchestrator-s3cret-key";

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.api.token", TOKEN);
        p.put("jobdrop.orchestrator.token", ORCHESTRATOR_TOKEN);
        orchestrator.requireToken(ORCHESTRATOR_TOKEN);
    }

    private ApiClient api(String token) {
        return new ApiClient("http://127.0.0.1:" + context.resolvePropertyPlaceholders("{{jobdrop.api.port}}"), token);
    }

    @Test
    void refuses_api_requests_without_the_right_token_with_401() {
        for (ApiClient client : List.of(api(null), api("wrong-token"), api(TOKEN + "x"))) {
            for (String path : List.of("/api/v1/jobs", "/api/v1/stats", "/api/v1/files", "/api/v1/openapi.json",
                    "/api/v1/jobs/anything")) {
                ApiClient.Answer refused = client.get(path);
                assertThat(refused.status()).as(path).isEqualTo(401);
                assertThat(refused.json().get("status").asInt()).isEqualTo(401);
                assertThat(refused.body()).doesNotContain(TOKEN);
            }
            assertThat(client.postYaml("/api/v1/jobs", job("sneaky")).status()).isEqualTo(401);
            assertThat(client.post("/api/v1/dead-letters/replay").status()).isEqualTo(401);
        }
        assertThat(api(TOKEN).get("/api/v1/stats").json().get("files").get("accepted").asInt()).isZero();
    }

    @Test
    void serves_the_api_with_the_token_and_observe_without_and_never_shows_a_secret() {
        ApiClient api = api(TOKEN);
        assertThat(api.postYaml("/api/v1/jobs", job("guarded")).status()).isEqualTo(201);
        awaitDelivery("guarded", DeliveryState.SUBMITTED);

        assertThat(api(null).get("/observe/health").status()).isEqualTo(200);
        for (String path : List.of("/api/v1/jobs", "/api/v1/jobs/guarded", "/api/v1/files", "/api/v1/stats",
                "/api/v1/openapi.json")) {
            ApiClient.Answer answer = api.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain(ORCHESTRATOR_TOKEN);
        }
    }
}
