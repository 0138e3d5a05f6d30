package io.jobdrop.pipeline;

import io.jobdrop.testing.LogCapture;
import io.jobdrop.testing.S3ProxyServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * The pipeline with bucket intake switched on, against a real S3 server (S3Proxy) started for each test, and with
 * everything jobdrop logs captured. Polls are fast so that tests wait milliseconds, not seconds.
 */
abstract class BucketTestSupport extends PipelineTestSupport {

    static final String BUCKET = "jobs";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    // created on first use, like the fixtures of PipelineTestSupport (the properties are read from the constructor)
    S3ProxyServer s3;
    LogCapture logs;

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    /** The buckets the S3 server starts with. */
    List<String> buckets() {
        return List.of(BUCKET);
    }

    /** Per-class bucket settings on top of the defaults below. */
    void tuneBuckets(Properties p) {
    }

    @Override
    final void tune(Properties p) {
        if (s3 == null) {
            logs = LogCapture.start();
            s3 = S3ProxyServer.started(buckets().toArray(String[]::new));
        }
        p.put("jobdrop.s3.bucket", BUCKET);
        p.put("jobdrop.s3.endpoint", s3.endpoint());
        p.put("jobdrop.s3.access-key", S3ProxyServer.ACCESS_KEY);
        p.put("jobdrop.s3.secret-key", S3ProxyServer.SECRET_KEY);
        p.put("jobdrop.s3.poll-ms", "20");
        p.put("jobdrop.s3.timeout-ms", "2000");
        tuneBuckets(p);
    }

    @AfterEach
    void stopS3() {
        context.stop();
        s3.close();
        logs.close();
    }

    void upload(String key, String content) {
        s3.put(BUCKET, key, content);
    }

    List<String> keys(String prefix) {
        return s3.keys(BUCKET, prefix);
    }

    void awaitKeys(String prefix, int count) {
        await().atMost(PATIENCE).until(() -> keys(prefix).size() == count);
    }

    /** What the bucket's health check, as registered for /observe/health, says now. */
    HealthCheck.Result bucketHealth(String routeId) {
        return HealthCheckHelper.getHealthCheckRegistry(context).getCheck(routeId)
                .orElseThrow(() -> new AssertionError("no health check " + routeId)).call();
    }

    /** Failed listings in a row, as the bucket's health check reports them. */
    int failures(String routeId) {
        return ((Number) bucketHealth(routeId).getDetails().get("failures")).intValue();
    }
}
