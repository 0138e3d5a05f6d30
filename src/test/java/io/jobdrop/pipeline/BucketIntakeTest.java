package io.jobdrop.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.jobdrop.cluster.LeaseClusterService;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.spec.JobJson;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.ingest.VerdictReport;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.JobSummary;
import io.jobdrop.testing.S3ProxyServer;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Job files taken from S3 buckets: the inbox's guarantees, through the same ingest path and ledger. */
class BucketIntakeTest extends BucketTestSupport {

    private static final String MORE = "more";

    @Override
    List<String> buckets() {
        return List.of(BUCKET, MORE);
    }

    @Override
    void tuneBuckets(Properties p) {
        p.put("jobdrop.s3.bucket", BUCKET + ", " + MORE + "/incoming/");
        p.put("jobdrop.s3.max-per-poll", "1200"); // more than one listing page per poll
    }

    @Test
    void files_valid_objects_under_done_and_rejected_ones_under_error_with_their_report() throws Exception {
        String bad = job("bad-type").replace("Type: batch", "Type: Batch");
        String broken = "Name: [unclosed\nType: batch\n";
        upload("inbox/alpha.yaml", job("alpha"));
        upload("inbox/team-a/beta.yml", job("beta"));
        upload("inbox/team-a/GAMMA.JSON", jsonJob("gamma"));
        upload("inbox/team-b/bad-type.yaml", bad);
        upload("inbox/broken.yaml", broken);
        upload("inbox/notes.txt", "not a job");
        upload("inbox/team-a/data.csv", "a,b\n1,2\n");

        awaitKeys("done/", 3);
        awaitKeys("error/", 4);
        await().atMost(PATIENCE).until(() -> keys("inbox/").size() == 2);
        assertThat(keys("done/")).containsExactlyInAnyOrder(
                "done/alpha.yaml", "done/team-a/beta.yml", "done/team-a/GAMMA.JSON");
        assertThat(keys("error/")).containsExactlyInAnyOrder(
                "error/team-b/bad-type.yaml", "error/team-b/bad-type.yaml.error.json",
                "error/broken.yaml", "error/broken.yaml.error.json");
        assertThat(keys("inbox/")).as("objects that are not job files are left alone")
                .containsExactly("inbox/notes.txt", "inbox/team-a/data.csv");
        assertThat(s3.read(BUCKET, "done/alpha.yaml")).isEqualTo(job("alpha"));
        assertThat(s3.read(BUCKET, "error/broken.yaml")).isEqualTo(broken);

        assertThat(report("error/team-b/bad-type.yaml.error.json"))
                .isEqualTo(validateJson("inbox/team-b/bad-type.yaml", bad));
        assertThat(report("error/broken.yaml.error.json")).isEqualTo(validateJson("inbox/broken.yaml", broken));
        assertThat(report("error/team-b/bad-type.yaml.error.json").at("/errors/0/line").asInt()).isEqualTo(2);

        for (String name : List.of("alpha", "beta", "gamma")) {
            awaitDelivery(name, DeliveryState.SUBMITTED);
            assertThat(orchestrator.createdCount(name)).as(name).isEqualTo(1);
        }
        assertThat(ledger().show("beta").orElseThrow().versions().get(0).source())
                .isEqualTo("s3://jobs/inbox/team-a/beta.yml");
        assertThat(ledger().listJobs(null, 100)).extracting(JobSummary::name)
                .containsExactlyInAnyOrder("alpha", "beta", "gamma");
        assertThat(logs.text())
                .contains("s3://jobs/inbox/team-b/bad-type.yaml: rejected: 2:7 Type: invalid job type")
                .containsPattern("s3://jobs/inbox/alpha.yaml: job j-\\S+ \\(default/alpha\\) created as version 1");
    }

    @Test
    void takes_each_of_1500_objects_exactly_once() throws InterruptedException {
        // what the bucket's listing reports waiting (for following to give way to), sampled while it works
        LeaseClusterService cluster = context.hasService(LeaseClusterService.class);
        AtomicLong largestBacklog = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                largestBacklog.accumulateAndGet(cluster.intakeBacklog(), Math::max);
                LockSupport.parkNanos(1_000_000);
            }
        }, "backlog-sampler");
        sampler.setDaemon(true);
        sampler.start();
        List<String> names = IntStream.range(0, 1500).mapToObj(i -> "bulk-%04d".formatted(i)).toList();
        names.forEach(name -> upload("inbox/" + name + ".yaml", job(name)));

        awaitKeys("done/", 1500);
        sampler.interrupt();
        sampler.join();
        assertThat(largestBacklog.get()).as("the objects listed and not yet taken were reported").isPositive();
        await().atMost(PATIENCE).until(() -> cluster.intakeBacklog() == 0);
        await().atMost(PATIENCE).until(() -> orchestrator.jobs().size() == 1500);
        names.forEach(name -> assertThat(orchestrator.createdCount(name)).as(name).isEqualTo(1));
        assertThat(keys("inbox/")).isEmpty();
        assertThat(ledger().listJobs(null, 10_000)).hasSize(1500).extracting(JobSummary::version).containsOnly(1L);
        assertThat(logs.lines().stream().filter(l -> l.contains("created as version 1"))).hasSize(1500);
    }

    @Test
    void takes_new_content_under_the_same_key_as_a_new_version_of_the_job() {
        upload("inbox/evolving.yaml", job("evolving", "echo one"));
        awaitDelivery("evolving", DeliveryState.SUBMITTED);
        awaitKeys("done/", 1);

        upload("inbox/evolving.yaml", job("evolving", "echo two"));
        await().atMost(PATIENCE)
                .until(() -> orchestrator.job("evolving").isPresent() && orchestrator.version("evolving") == 2);

        assertThat(ledger().show("evolving").orElseThrow().versions()).hasSize(2);
        assertThat(orchestrator.createdCount("evolving")).isEqualTo(1);
        assertThat(orchestrator.job("evolving").orElseThrow().at("/Tasks/0/Engine/Params/Parameters/2").asText())
                .isEqualTo("echo two");
        await().atMost(PATIENCE).until(() -> keys("inbox/").isEmpty());
        assertThat(s3.read(BUCKET, "done/evolving.yaml")).isEqualTo(job("evolving", "echo two"));
    }

    @Test
    void only_moves_an_object_version_that_is_already_recorded() {
        upload("inbox/once.yaml", job("once"));
        awaitDelivery("once", DeliveryState.SUBMITTED);
        awaitKeys("done/", 1);
        // the move is a copy then a delete: an upload of the same key between the two is the known window (README)
        await().atMost(PATIENCE).until(() -> keys("inbox/").isEmpty());

        // the same version found again, as after a crash between the ledger commit and the move
        upload("inbox/once.yaml", job("once"));
        await().atMost(PATIENCE).until(() -> keys("inbox/").isEmpty());
        upload("inbox/marker.yaml", job("marker"));
        awaitDelivery("marker", DeliveryState.SUBMITTED);

        assertThat(ledger().show("once").orElseThrow().versions()).hasSize(1);
        assertThat(orchestrator.submissions().stream().filter(r -> "once".equals(r.jobName()))).hasSize(1);
        assertThat(logs.text()).contains("s3://jobs/inbox/once.yaml: already recorded (DONE), moving it");
    }

    @Test
    void loses_and_duplicates_nothing_when_the_store_goes_away_mid_run_and_comes_back() {
        List<String> names = IntStream.range(0, 200).mapToObj(i -> "outage-%03d".formatted(i)).toList();
        names.subList(0, 150).forEach(name -> upload("inbox/" + name + ".yaml", job(name)));
        await().atMost(PATIENCE).until(() -> keys("done/").size() >= 20);

        int beforeOutage = logs.lines().size();
        s3.stop();
        await().atMost(PATIENCE).until(() -> bucketHealth("bucket-jobs").getState() == HealthCheck.State.DOWN);
        assertThat(keys("done/")).as("stopped mid-run").hasSizeLessThan(150);
        names.subList(150, 200).forEach(name -> upload("inbox/" + name + ".yaml", job(name)));
        // the first failure may be a pooled connection the stopping server dropped ("failed to respond"); the polls
        // after it are refused, and health shows the latest
        await().atMost(PATIENCE).until(() -> failures("bucket-jobs") >= 5);
        assertThat(bucketHealth("bucket-jobs").getMessage()).hasValueSatisfying(m -> assertThat(m)
                .contains("cannot list s3://jobs/inbox/ at " + s3.endpoint()).contains("Connection refused"));
        List<String> duringOutage = logs.linesAfter(beforeOutage);
        s3.start();

        awaitKeys("done/", 200);
        await().atMost(PATIENCE).until(() -> orchestrator.jobs().size() == 200);
        names.forEach(name -> assertThat(orchestrator.createdCount(name)).as(name).isEqualTo(1));
        await().atMost(PATIENCE).until(() -> keys("inbox/").isEmpty());
        assertThat(keys("error/")).isEmpty();
        assertThat(ledger().listJobs(null, 1000)).hasSize(200).extracting(JobSummary::version).containsOnly(1L);
        await().atMost(PATIENCE).until(() -> bucketHealth("bucket-jobs").getState() == HealthCheck.State.UP);
        assertThat(duringOutage.stream().filter(l -> l.contains(" outage - ")))
                .as("one line per outage, not one per poll").hasSizeBetween(1, 2);
        assertThat(duringOutage).as("no other warnings, no stack traces")
                .noneMatch(l -> (l.contains("[WARN]") || l.contains("[ERROR]")) && !l.contains(" outage - "))
                .noneMatch(l -> l.startsWith("\tat "));
    }

    @Test
    void takes_from_every_configured_bucket_under_its_own_prefix() {
        s3.put(MORE, "incoming/delta.yaml", job("delta"));
        s3.put(MORE, "elsewhere/epsilon.yaml", job("epsilon"));
        upload("inbox/zeta.yaml", job("zeta"));

        awaitDelivery("delta", DeliveryState.SUBMITTED);
        awaitDelivery("zeta", DeliveryState.SUBMITTED);
        await().atMost(PATIENCE).until(() -> s3.keys(MORE, "done/").equals(List.of("done/delta.yaml")));
        assertThat(s3.keys(MORE, "")).containsExactlyInAnyOrder("done/delta.yaml", "elsewhere/epsilon.yaml");
        assertThat(ledger().show("delta").orElseThrow().versions().get(0).source())
                .isEqualTo("s3://more/incoming/delta.yaml");
        assertThat(bucketHealth("bucket-more").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(bucketHealth("bucket-more").getDetails()).containsEntry("bucket", "s3://more/incoming/");
    }

    @Test
    void never_logs_the_credentials() {
        upload("inbox/quiet.yaml", job("quiet"));
        upload("inbox/loud.yaml", "Name: [\n");
        awaitDelivery("quiet", DeliveryState.SUBMITTED);
        awaitKeys("error/", 2);
        s3.stop();
        await().atMost(PATIENCE).until(() -> bucketHealth("bucket-jobs").getState() == HealthCheck.State.DOWN);

        assertThat(logs.text()).contains("s3://jobs/inbox/quiet.yaml")
                .doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
        assertThat(s3.read(BUCKET, "error/loud.yaml.error.json"))
                .doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
        assertThat(String.valueOf(bucketHealth("bucket-jobs").getMessage()))
                .doesNotContain(S3ProxyServer.SECRET_KEY).doesNotContain(S3ProxyServer.ACCESS_KEY);
    }

    private JsonNode report(String key) throws Exception {
        return JobJson.mapper().readTree(s3.read(BUCKET, key));
    }

    /** What {@code jobdrop validate --json} prints for the object. */
    private static JsonNode validateJson(String key, String content) throws Exception {
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String json = VerdictReport.json(reader.read("s3://" + BUCKET + "/" + key, bytes));
        return JobJson.mapper().readTree(json);
    }

    private static String jsonJob(String name) {
        return """
                {"Name": "%s", "Type": "batch", "Tasks": [{"Name": "main", "Engine": {"Type": "docker",
                  "Params": {"Image": "ubuntu:24.04", "Parameters": ["sh", "-c", "echo hello"]}}}]}
                """.formatted(name);
    }
}
