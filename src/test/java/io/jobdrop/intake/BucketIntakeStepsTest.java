package io.jobdrop.intake;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.JobSummary;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.testing.S3ProxyServer;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the bucket route one by one, against a real S3 server and a real ledger, to pin down the races a poll
 * loop only meets by chance: an object replaced or taken by another instance between the steps.
 */
class BucketIntakeStepsTest {

    private final S3ProxyServer s3 = S3ProxyServer.started("jobs");
    private final BucketConnection connection = new BucketConnection(s3.endpoint(), "", S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY, Duration.ofSeconds(5));
    private final S3Client client = connection.open();
    private final HikariDataSource database = LedgerDatabase.open("jdbc:h2:mem:steps-" + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JobLedger ledger = new JobLedger(database, Clock.systemUTC(), "test");
    private final DefaultCamelContext camel = new DefaultCamelContext();

    @AfterEach
    void close() {
        client.close();
        s3.close();
        database.close();
    }

    private BucketIntake instance() {
        return instance(10L << 20);
    }

    private BucketIntake instance(long maxObjectBytes) {
        return instance(client, "move", maxObjectBytes);
    }

    private BucketIntake instance(S3Client through, String after, long maxObjectBytes) {
        BucketSettings settings = BucketSettings.parse("jobs", "inbox/", "done/", "error/", after, 100).get(0);
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(Clock.systemUTC(), UUID::randomUUID),
                JobDefaults.BACALHAU);
        return new BucketIntake(settings, through, connection, new BucketStatus(Duration.ofMillis(10)),
                new JobFileIntake(reader, ledger, new IntakeLog(), Runnable::run), Clock.systemUTC(), maxObjectBytes);
    }

    private Exchange exchangeFor(BucketObject object) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(object);
        return exchange;
    }

    private static String job(String name, String command) {
        return """
                Name: %s
                Type: batch
                Tasks:
                  - Name: main
                    Engine:
                      Type: docker
                      Params:
                        Image: ubuntu:24.04
                        Parameters: ["sh", "-c", "%s"]
                """.formatted(name, command);
    }

    @Test
    void leaves_an_object_replaced_after_it_was_read_for_the_next_poll_as_a_new_version() {
        BucketIntake intake = instance();
        s3.put("jobs", "inbox/x.yaml", job("replaced", "echo one"));
        Exchange first = exchangeFor(intake.list().next());
        intake.ingest(first);

        s3.put("jobs", "inbox/x.yaml", job("replaced", "echo two"));
        intake.settle(first);

        assertThat(s3.read("jobs", "inbox/x.yaml")).isEqualTo(job("replaced", "echo two"));
        assertThat(s3.keys("jobs", "done/")).isEmpty();

        Exchange second = exchangeFor(intake.list().next());
        intake.ingest(second);
        intake.settle(second);
        assertThat(s3.keys("jobs", "")).containsExactly("done/x.yaml");
        assertThat(s3.read("jobs", "done/x.yaml")).isEqualTo(job("replaced", "echo two"));
        assertThat(ledger.listJobs(null, 10)).extracting(JobSummary::version).containsExactly(2L);
    }

    /**
     * A new upload under the key lands between the move's copy and its delete (or, with after=delete, between the
     * look at the object and the delete). S3Proxy 2.9 ignores If-Match on DELETE, so the store here is S3Proxy behind a
     * client that answers a DELETE the way AWS S3 does since 2025-09 (412 when the ETag no longer matches).
     */
    @Test
    void a_version_uploaded_while_the_object_is_moved_stays_for_the_next_poll() {
        for (String after : List.of("move", "delete")) {
            s3.put("jobs", "inbox/x.yaml", job("raced-" + after, "echo one"));
            BucketIntake intake = instance(new ConditionalDeletes(client, () -> s3.put("jobs", "inbox/x.yaml",
                    job("raced-" + after, "echo two"))), after, 10L << 20);
            Exchange first = exchangeFor(intake.list().next());
            intake.ingest(first);
            intake.settle(first);

            assertThat(s3.read("jobs", "inbox/x.yaml")).as(after).isEqualTo(job("raced-" + after, "echo two"));
            Exchange second = exchangeFor(instance().list().next());
            assertThat(second.getMessage().getBody(BucketObject.class).key()).isEqualTo("inbox/x.yaml");
            deleteDirectly("inbox/x.yaml");
        }
        assertThat(s3.keys("jobs", "done/")).containsExactly("done/x.yaml");
        assertThat(s3.read("jobs", "done/x.yaml")).isEqualTo(job("raced-move", "echo one"));
    }

    /** S3Proxy with AWS S3's conditional DELETE, and a new upload just before each delete. */
    private static final class ConditionalDeletes implements S3Client {
        private final S3Client s3;
        private final Runnable beforeDelete;

        ConditionalDeletes(S3Client s3, Runnable beforeDelete) {
            this.s3 = s3;
            this.beforeDelete = beforeDelete;
        }

        @Override
        public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
            assertThat(request.ifMatch()).as("If-Match on DELETE").isNotBlank();
            beforeDelete.run();
            String current = s3.headObject(HeadObjectRequest.builder().bucket(request.bucket()).key(request.key())
                    .build()).eTag();
            if (!current.equals(request.ifMatch())) {
                throw (S3Exception) S3Exception.builder().statusCode(412).message("At least one of the pre-conditions"
                        + " you specified did not hold").build();
            }
            return s3.deleteObject(request);
        }

        @Override
        public ListObjectsV2Response listObjectsV2(ListObjectsV2Request request) {
            return s3.listObjectsV2(request);
        }

        @Override
        public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
            return s3.getObject(request, transformer);
        }

        @Override
        public HeadObjectResponse headObject(HeadObjectRequest request) {
            return s3.headObject(request);
        }

        @Override
        public CopyObjectResponse copyObject(CopyObjectRequest request) {
            return s3.copyObject(request);
        }

        @Override
        public String serviceName() {
            return s3.serviceName();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void writes_no_report_for_a_rejected_object_replaced_before_it_was_moved() {
        BucketIntake intake = instance();
        s3.put("jobs", "inbox/x.yaml", "Name: broken\nType: batch\n");
        Exchange first = exchangeFor(intake.list().next());
        intake.ingest(first);
        assertThat(first.getProperty(BucketIntake.DISPOSITION)).isEqualTo("error");

        s3.put("jobs", "inbox/x.yaml", job("fixed", "echo fixed"));
        intake.settle(first);
        assertThat(s3.keys("jobs", "error/")).as("no report of a version that is not there").isEmpty();

        Exchange second = exchangeFor(intake.list().next());
        intake.ingest(second);
        intake.settle(second);
        assertThat(s3.keys("jobs", "")).containsExactly("done/x.yaml");
    }

    @Test
    void records_an_object_version_once_when_two_instances_race_for_it() {
        BucketIntake one = instance();
        BucketIntake other = instance();
        s3.put("jobs", "inbox/raced.yaml", job("raced", "echo hi"));
        Exchange byOne = exchangeFor(one.list().next());
        Exchange byOther = exchangeFor(other.list().next());

        one.ingest(byOne);
        other.ingest(byOther);
        one.settle(byOne);
        other.settle(byOther);

        assertThat(byOne.getProperty(BucketIntake.DISPOSITION)).isEqualTo("done");
        assertThat(byOther.getProperty(BucketIntake.DISPOSITION)).isEqualTo("done");
        assertThat(s3.keys("jobs", "")).containsExactly("done/raced.yaml");
        assertThat(ledger.show("raced").orElseThrow().versions()).hasSize(1);
        assertThat(ledger.show("raced").orElseThrow().events()).extracting(e -> e.type().name())
                .containsOnlyOnce("ACCEPTED");
    }

    @Test
    void skips_an_object_another_instance_took_before_it_was_read() {
        BucketIntake intake = instance();
        s3.put("jobs", "inbox/gone.yaml", job("gone", "echo hi"));
        BucketObject listed = intake.list().next();
        s3.put("jobs", "done/gone.yaml", job("gone", "echo hi"));
        deleteDirectly("inbox/gone.yaml");

        Exchange exchange = exchangeFor(listed);
        intake.ingest(exchange);
        intake.settle(exchange);

        assertThat(exchange.getProperty(BucketIntake.DISPOSITION)).isEqualTo("skipped");
        assertThat(ledger.listJobs(null, 10)).isEmpty();
        assertThat(s3.keys("jobs", "")).containsExactly("done/gone.yaml");
    }

    @Test
    void rejects_an_object_larger_than_the_file_limit_without_reading_it() {
        BucketIntake intake = instance(1000);
        s3.put("jobs", "inbox/huge.json", "x".repeat(1001));

        Exchange exchange = exchangeFor(intake.list().next());
        intake.ingest(exchange);
        intake.settle(exchange);

        assertThat(exchange.getProperty(BucketIntake.DISPOSITION)).isEqualTo("error");
        assertThat(s3.keys("jobs", "")).containsExactly("error/huge.json", "error/huge.json.error.json");
        assertThat(s3.read("jobs", "error/huge.json.error.json"))
                .contains("file is 1001 bytes, more than the limit of 1000 (jobdrop.limits.file-bytes)");
    }

    private void deleteDirectly(String key) {
        client.deleteObject(b -> b.bucket("jobs").key(key));
    }
}
