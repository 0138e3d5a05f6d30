package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.spec.JobJson;
import io.jobdrop.testing.Lifecycle;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bucket object's result goes to done/<key>.result.json in its bucket once its jobs have ended. */
class BucketFollowTest extends BucketTestSupport {

    @Override
    void tuneBuckets(Properties p) {
        orchestrator.lifecycle(Lifecycle.steps(Duration.ofMillis(100)).failing("-fails").slow("^slow-"));
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

    @Test
    void a_new_version_of_an_object_replaces_its_result() throws Exception {
        upload("inbox/nightly.yaml", job("nightly"));
        awaitVersionInResult("done/nightly.yaml.result.json", 1);

        // the same key, new content: a new submission whose result must not be hidden by the first one's
        upload("inbox/nightly.yaml", job("nightly", "echo changed"));
        awaitVersionInResult("done/nightly.yaml.result.json", 2);
        assertThat(ledger().dueResults(10)).isEmpty();
    }

    @Test
    void the_result_of_an_older_version_that_ends_last_does_not_replace_the_newer_one() throws Exception {
        upload("inbox/weekly.yaml", job("slow-weekly"));
        awaitKeys("done/", 1);
        // moved: copied and deleted (S3Proxy ignores If-Match on DELETE, so an upload in between would be deleted)
        awaitKeys("inbox/", 0);
        // a newer version, whose job ends well before the older one's
        upload("inbox/weekly.yaml", job("weekly"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ledger().show("slow-weekly").map(job -> job.summary().state())).contains("Completed");
            assertThat(ledger().show("weekly").map(job -> job.summary().state())).contains("Completed");
            assertThat(ledger().dueResults(10)).isEmpty();
        });
        JsonNode result = JobJson.mapper().readTree(s3.read(BUCKET, "done/weekly.yaml.result.json"));
        assertThat(result.at("/jobs/0/name").asText()).isEqualTo("weekly");
        assertThat(result.at("/jobs").size()).isEqualTo(1);
    }

    private void awaitVersionInResult(String key, int version) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(keys("done/")).contains(key);
            JsonNode result = JobJson.mapper().readTree(s3.read(BUCKET, key));
            assertThat(result.at("/jobs/0/version").asInt()).isEqualTo(version);
            // the job's executions so far, oldest first: the last one ran this version
            JsonNode executions = result.at("/jobs/0/executions");
            assertThat(executions.get(executions.size() - 1).get("stdout").asText())
                    .isEqualTo("hello from nightly (version " + version + ")\n");
        });
    }
}
