package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.store.EventType;
import io.jobdrop.store.JobEvent;
import io.jobdrop.testing.Lifecycle;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A job that never reaches a final state is given up after jobdrop.follow.max-age: state and event `unknown`. */
class FollowMaxAgeTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(50)).stuck("^stuck-"));
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "300ms");
        p.put("jobdrop.follow.max-age", "2s");
        p.put("jobdrop.follow.poll-ms", "50");
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18200, 18299)));
    }

    @Test
    void a_job_still_running_after_max_age_is_marked_unknown_and_no_longer_followed() throws Exception {
        drop("stuck.yaml", job("stuck-forever"));
        drop("quick.yaml", job("quick"));

        await().atMost(Duration.ofSeconds(60)).until(() -> filesIn(".done").contains("stuck.yaml.result.json"));
        assertThat(ledgerJob("stuck-forever").state()).isEqualTo("Unknown");
        assertThat(ledgerJob("quick").state()).isEqualTo("Completed");
        assertThat(ledger().show("stuck-forever").orElseThrow().events()).extracting(JobEvent::type)
                .containsSubsequence(EventType.FORWARDED, EventType.RUNNING, EventType.UNKNOWN);
        JobEvent unknown = ledger().show("stuck-forever").orElseThrow().events().stream()
                .filter(e -> e.type() == EventType.UNKNOWN).findFirst().orElseThrow();
        assertThat(unknown.detail()).contains("jobdrop.follow.max-age").contains("last seen Running");
        assertThat(ledger().followedJobs()).isZero();
        JsonNode result = JobJson.mapper().readTree(inbox.resolve(".done/stuck.yaml.result.json").toFile());
        assertThat(result.at("/jobs/0/state").asText()).isEqualTo("Unknown");
        assertThat(result.at("/jobs/0/executions/0/state").asText()).isEqualTo("Running");
    }
}
