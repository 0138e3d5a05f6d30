package io.jobdrop.pipeline;

import io.jobdrop.testing.S3ProxyServer;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A store that refuses jobdrop's credentials: said clearly, once, in the log and in health; nothing is touched. */
class BucketCredentialsTest extends BucketTestSupport {

    private static final String WRONG_SECRET = "not-the-secret-Hk29xLq";

    @Override
    void tuneBuckets(Properties p) {
        p.put("jobdrop.s3.secret-key", WRONG_SECRET);
    }

    @Test
    void reports_refused_credentials_once_and_keeps_polling_quietly_without_touching_objects() {
        upload("inbox/waiting.yaml", job("waiting"));
        upload("inbox/also-waiting.yaml", "Type: [\n");

        await().atMost(PATIENCE).until(() -> failures("bucket-jobs") >= 6);

        HealthCheck.Result health = bucketHealth("bucket-jobs");
        assertThat(health.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(health.getMessage()).hasValueSatisfying(m -> assertThat(m)
                .startsWith("cannot list s3://jobs/inbox/ at " + s3.endpoint()
                        + " with the configured access key: 403 ")
                .contains("check jobdrop.s3.access-key and jobdrop.s3.secret-key"));
        List<String> outage = logs.lines().stream().filter(l -> l.contains(" outage - ")).toList();
        assertThat(outage).hasSize(1);
        assertThat(outage.get(0))
                .contains("[WARN] outage - route bucket-jobs outage: BucketException: cannot list s3://jobs/inbox/", " 403 ");
        assertThat(logs.lines()).as("no stack traces, no other warnings")
                .noneMatch(l -> l.startsWith("\tat "))
                .noneMatch(l -> (l.contains("[WARN]") || l.contains("[ERROR]")) && !l.contains(" outage - "));
        assertThat(logs.text()).doesNotContain(WRONG_SECRET).doesNotContain(S3ProxyServer.ACCESS_KEY);

        assertThat(keys("")).containsExactlyInAnyOrder("inbox/waiting.yaml", "inbox/also-waiting.yaml");
        assertThat(ledger().listJobs(null, 10)).isEmpty();
    }
}
