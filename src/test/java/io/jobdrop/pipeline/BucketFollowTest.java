package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.testing.Lifecycle;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** A bucket object's result goes to done/<key>.result.json in its bucket once its jobs have ended. */
class BucketFollowTest extends BucketTestSupport {

    @Override
    void tuneBuckets(Properties p) {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(100)).failing("-fails"));
        p.put("jobdrop.follow.first-poll", "100ms");
        p.put("jobdrop.follow.max-interval", "300ms");
        p.put("jobdrop.follow.poll-ms", "50");
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18200, 18299)));
    }

    @Test
    void writes_the_result_of_an_object_beside_it_in_done() throws Exception {
        upload("inbox/team-a/report.yaml", job("report"));
        upload("inbox/report-fails.yaml", job("report-fails"));

        awaitKeys("done/", 4);
        assertThat(keys("done/")).contains("done/team-a/report.yaml.result.json", "done/report-fails.yaml.result.json");
        JsonNode ok = JobJson.mapper().readTree(s3.read(BUCKET, "done/team-a/report.yaml.result.json"));
        assertThat(ok.get("source").asText()).isEqualTo("s3://" + BUCKET);
        assertThat(ok.at("/jobs/0/state").asText()).isEqualTo("Completed");
        assertThat(ok.at("/jobs/0/executions/0/stdout").asText()).isEqualTo("hello from report (version 1)\n");
        JsonNode failed = JobJson.mapper().readTree(s3.read(BUCKET, "done/report-fails.yaml.result.json"));
        assertThat(failed.at("/jobs/0/state").asText()).isEqualTo("Failed");
        assertThat(ledger().dueResults(10)).isEmpty();
    }
}
