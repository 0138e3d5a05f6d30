package io.jobdrop.pipeline;

import io.jobdrop.testing.LogCapture;
import io.jobdrop.testing.PrivatePostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The ledger's PostgreSQL restarts in the middle of a burst (a private cluster: the shared server is never touched).
 * What the orchestrator answered is what the ledger records; nothing is sent twice; the outage is two log lines.
 */
class LedgerOutageTest extends PipelineTestSupport {

    private static final int JOBS = 150;

    private PrivatePostgres postgres; // started on first use: the base class asks for the URL before initializers run

    @BeforeAll
    static void needsAPrivateCluster() {
        assumeThat(PrivatePostgres.unavailableReason()).as("skipped: %s", PrivatePostgres.unavailableReason()).isNull();
    }

    @Override
    String databaseUrl() {
        if (postgres == null) {
            postgres = PrivatePostgres.started();
        }
        return postgres.jdbcUrl();
    }

    @Override
    String databaseUser() {
        return "postgres";
    }

    @Override
    void tune(Properties p) {
        // the outage is shorter than a lease: a recorded answer must land before the job could be claimed again
        p.put("jobdrop.forward.lease", "60s");
    }

    @AfterEach
    void stopPostgres() {
        context.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void records_every_answer_as_given_sends_nothing_twice_and_logs_the_outage_once_when_postgres_restarts_mid_burst()
            throws Exception {
        orchestrator.delay(Duration.ofMillis(15));
        try (LogCapture log = LogCapture.start()) {
            IntStream.range(0, JOBS).forEach(i -> drop("burst-" + i + ".yaml", job("burst-" + i)));
            orchestrator.awaitAccepted(30, Duration.ofSeconds(60));

            postgres.stop();
            await().atMost(Duration.ofSeconds(30)).until(() -> log.text().contains("ledger outage:"));
            postgres.start();

            await().atMost(Duration.ofSeconds(120)).until(() -> ledger().listJobs("submitted", 100_000).size() == JOBS);
            await().atMost(Duration.ofSeconds(10)).until(() -> log.text().contains("ledger outage over"));

            for (int i = 0; i < JOBS; i++) {
                assertThat(orchestrator.createdCount("burst-" + i)).as("burst-%d created", i).isEqualTo(1);
            }
            assertThat(orchestrator.submissions()).as("PUTs: one per job, no resend").hasSize(JOBS);
            Map<String, Integer> attempts = attemptsByStatus();
            assertThat(attempts).as("recorded attempts by HTTP status").containsOnlyKeys("200");
            assertThat(jobsWithA200()).isEqualTo(JOBS);

            assertThat(log.lines()).filteredOn(l -> l.contains("[WARN]") && l.contains("ledger outage:")).hasSize(1);
            assertThat(log.lines()).filteredOn(l -> l.contains("[INFO]") && l.contains("ledger outage over")).hasSize(1);
            assertThat(log.text()).doesNotContain("\tat ", "FatalFallbackErrorHandler", "ConnectException");
        }
    }

    @Test
    void health_answers_within_2_s_and_names_the_cause_while_the_database_is_down() throws Exception {
        String port = context.resolvePropertyPlaceholders("{{jobdrop.api-port}}");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                .timeout(Duration.ofSeconds(30)).build();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(send(request).statusCode()).isEqualTo(200));

        postgres.stop();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            answers.add(send(request));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("health answer %d", i)
                    .isLessThan(Duration.ofSeconds(2));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> answer = send(request);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("ledger database unreachable");
        });
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isIn(200, 503));
        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/observe/health/ready")).timeout(Duration.ofSeconds(30)).build());
        assertThat(ready.statusCode()).as("without its ledger jobdrop takes no work").isEqualTo(503);

        postgres.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> send(request).statusCode() == 200);
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Integer> attemptsByStatus() throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT status_code, count(*) FROM forward_attempts GROUP BY status_code")) {
            while (r.next()) {
                counts.put(String.valueOf(r.getObject(1)), r.getInt(2));
            }
        }
        return counts;
    }

    private int jobsWithA200() throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(DISTINCT job_id) FROM forward_attempts WHERE status_code = 200")) {
            r.next();
            return r.getInt(1);
        }
    }
}
