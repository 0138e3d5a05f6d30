package io.jobdrop.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification outbox in the ledger, run against each database by a subclass: which events make notifications,
 * the CloudEvent they carry, and the lease, retry and settling of a row. The clock moves only by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationOutboxBehaviour {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final NotifyTargets TWO_HOOKS = new NotifyTargets(List.of(URI.create("http://127.0.0.1:18301/a"),
            URI.create("http://127.0.0.1:18302/b")));

    HikariDataSource dataSource;
    MutableClock clock;
    JobLedger ledger;
    private int claims;

    abstract HikariDataSource openDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeAll
    void openLedgerDatabase() throws Exception {
        dataSource = openDatabase();
    }

    @AfterAll
    void closeLedgerDatabase() throws Exception {
        dataSource.close();
        dropDatabase();
    }

    @BeforeEach
    void emptyLedger() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("notifications", "job_events", "forward_attempts", "outbox", "follows",
                    "executions", "job_versions", "jobs", "intake_claims")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        clock = new MutableClock(T0);
        ledger = new JobLedger(dataSource, clock, "instance-a", 16, TWO_HOOKS);
    }

    @Test
    void a_rejected_file_makes_one_cloud_event_per_url_sharing_its_id() {
        ledger.recordFile(claim("bad.yaml"), FileVerdict.rejected("bad.yaml",
                List.of(new Problem("missing job name", "Name", 3, 7)), List.of()));

        List<Notification> claimed = ledger.claimNotifications(10, LEASE, Set.of());

        assertThat(claimed).extracting(Notification::url)
                .containsExactlyInAnyOrder("http://127.0.0.1:18301/a", "http://127.0.0.1:18302/b");
        assertThat(claimed).extracting(Notification::eventId).containsOnly(claimed.get(0).eventId());
        assertThat(claimed).extracting(Notification::payload).containsOnly(claimed.get(0).payload());
        JsonNode event = tree(claimed.get(0).payload());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(claimed.get(0).eventId());
        assertThat(event.get("source").asText()).isEqualTo("jobdrop://" + ledger.identity());
        assertThat(event.get("type").asText()).isEqualTo("io.jobdrop.file.rejected");
        assertThat(event.get("subject").asText()).isEqualTo("bad.yaml");
        assertThat(event.get("time").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        JsonNode error = event.get("data").get("errors").get(0);
        assertThat(event.get("data").get("file").asText()).isEqualTo("bad.yaml");
        assertThat(error.get("message").asText()).isEqualTo("missing job name");
        assertThat(error.get("path").asText()).isEqualTo("Name");
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isEqualTo(7);
    }

    @Test
    void accepted_forwarded_and_running_jobs_make_no_notification() {
        AcceptedJob hello = job("hello");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));
        followed(ledger, hello, new FollowDecision.Seen(new Observation("Running", "running on node-1", List.of()),
                T0.plusSeconds(60)));
        AcceptedJob old = job("old");
        ledger.recordFile(claim("old.yaml"), TestJobs.accepted(old));
        followed(ledger, old, new FollowDecision.GiveUp("followed for 7 days"));

        assertThat(ledger.claimNotifications(10, LEASE, Set.of())).isEmpty();
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(0, 0, 0));
    }

    @Test
    void each_job_end_makes_its_own_event_type_with_the_job_and_the_orchestrators_message() {
        List<String> ids = new ArrayList<>();
        for (String[] end : new String[][] {{"hello", "Completed", "job completed"}, {"other", "Failed", "exit code 3"},
                {"third", "Stopped", "stopped by user"}}) {
            AcceptedJob job = job(end[0]);
            ledger.recordFile(claim(end[0] + ".yaml"), TestJobs.accepted(job));
            followed(ledger, job, new FollowDecision.Seen(new Observation(end[1], end[2], List.of()), null));
            ids.add(job.job().id);
        }
        String id = ids.get(0);

        List<JsonNode> events = ledger.claimNotifications(10, LEASE, Set.of()).stream()
                .filter(n -> n.url().endsWith("/a")).map(n -> tree(n.payload())).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactlyInAnyOrder(
                "io.jobdrop.job.completed", "io.jobdrop.job.failed", "io.jobdrop.job.stopped");
        assertThat(events).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        JsonNode completed = events.stream().filter(e -> e.get("type").asText().endsWith("completed")).findFirst()
                .orElseThrow();
        assertThat(completed.get("subject").asText()).isEqualTo(id);
        JsonNode data = completed.get("data");
        assertThat(data.get("jobId").asText()).isEqualTo(id);
        assertThat(data.get("name").asText()).isEqualTo("hello");
        assertThat(data.get("namespace").asText()).isEqualTo("default");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("state").asText()).isEqualTo("completed");
        assertThat(data.get("message").asText()).isEqualTo("job completed");
        assertThat(rows("SELECT event_type FROM job_events WHERE job_id IS NOT NULL"))
                .contains("completed", "failed", "stopped");
    }

    @Test
    void a_dead_letter_makes_a_job_dead_event_with_the_reason() {
        AcceptedJob hello = job("hello");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));

        ledger.recordAttempt(ledger.claimDue(1, LEASE).get(0), 400, 3, "{\"error\":\"bad\"}",
                new Delivery.Rejected("invalid job spec"));

        JsonNode event = tree(ledger.claimNotifications(10, LEASE, Set.of()).get(0).payload());
        assertThat(event.get("type").asText()).isEqualTo("io.jobdrop.job.dead");
        assertThat(event.get("data").get("state").asText()).isEqualTo("dead");
        assertThat(event.get("data").get("message").asText()).isEqualTo("rejected by orchestrator: invalid job spec");
    }

    @Test
    void a_ledger_without_targets_writes_no_notification_rows() {
        JobLedger quiet = new JobLedger(dataSource, clock, "instance-a", 16, NotifyTargets.NONE);
        AcceptedJob hello = job("hello");
        quiet.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));
        quiet.recordFile(claim("bad.yaml"), FileVerdict.rejected("bad.yaml",
                List.of(Problem.unplaced("missing job name")), List.of()));
        followed(quiet, hello, new FollowDecision.Seen(new Observation("Completed", "done", List.of()), null));

        assertThat(rows("SELECT id FROM notifications")).isEmpty();
        assertThat(rows("SELECT event_type FROM job_events ORDER BY id")).contains("rejected", "completed");
    }

    @Test
    void a_claimed_notification_is_not_claimed_again_until_its_lease_runs_out() {
        rejectOneFile();
        assertThat(ledger.claimNotifications(10, LEASE, Set.of())).hasSize(2);
        JobLedger other = new JobLedger(dataSource, clock, "instance-b", 16, TWO_HOOKS);

        assertThat(other.claimNotifications(10, LEASE, Set.of())).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(other.claimNotifications(10, LEASE, Set.of())).hasSize(2);
    }

    @Test
    void a_retry_is_due_at_its_time_with_the_attempt_counted_and_a_delivery_settles_the_row() {
        rejectOneFile();
        Notification first = ledger.claimNotifications(1, LEASE, Set.of()).get(0);

        assertThat(ledger.recordNotification(first, new NotificationOutcome.Retry(500, "HTTP 500: boom",
                T0.plusSeconds(10)))).isTrue();
        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(2, 0, 0));
        assertThat(ledger.claimNotifications(10, LEASE, Set.of())).extracting(Notification::id).doesNotContain(first.id());
        clock.advance(Duration.ofSeconds(10));
        Notification again = ledger.claimNotifications(10, LEASE, Set.of()).stream()
                .filter(n -> n.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(again.payload()).isEqualTo(first.payload());

        assertThat(ledger.recordNotification(again, new NotificationOutcome.Delivered(204))).isTrue();

        assertThat(ledger.listNotifications("delivered", 10)).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(first.id());
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.lastStatus()).isEqualTo(204);
            assertThat(entry.settledAt()).isEqualTo(T0.plusSeconds(10));
            assertThat(entry.nextAttemptAt()).isNull();
        });
        clock.advance(LEASE.multipliedBy(3));
        assertThat(ledger.claimNotifications(10, LEASE, Set.of())).extracting(Notification::id).doesNotContain(first.id());
    }

    @Test
    void a_given_up_notification_is_listed_as_failed_with_its_error_and_never_claimed_again() {
        rejectOneFile();
        Notification first = ledger.claimNotifications(1, LEASE, Set.of()).get(0);

        ledger.recordNotification(first, new NotificationOutcome.GivenUp(404, "HTTP 404: no such hook"));

        assertThat(ledger.notificationCounts()).isEqualTo(new NotificationCounts(1, 1, 0));
        assertThat(ledger.listNotifications("failed", 10)).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo("failed");
            assertThat(entry.lastStatus()).isEqualTo(404);
            assertThat(entry.lastError()).isEqualTo("HTTP 404: no such hook");
        });
        assertThat(ledger.listNotifications("pending", 10)).hasSize(1);
        assertThat(ledger.listNotifications(null, 10)).hasSize(2);
        clock.advance(LEASE.multipliedBy(3));
        assertThat(ledger.claimNotifications(10, LEASE, Set.of())).extracting(Notification::id).doesNotContain(first.id());
    }

    @Test
    void a_retry_from_an_instance_whose_lease_ran_out_does_not_override_the_new_holder() {
        rejectOneFile();
        Notification mine = ledger.claimNotifications(1, LEASE, Set.of()).get(0);
        clock.advance(LEASE.plusSeconds(1));
        JobLedger other = new JobLedger(dataSource, clock, "instance-b", 16, TWO_HOOKS);
        Notification theirs = other.claimNotifications(10, LEASE, Set.of()).stream().filter(n -> n.id().equals(mine.id()))
                .findFirst().orElseThrow();

        assertThat(ledger.recordNotification(mine, new NotificationOutcome.Retry(null, "timed out",
                clock.instant().plusSeconds(5)))).isFalse();
        assertThat(other.recordNotification(theirs, new NotificationOutcome.Delivered(200))).isTrue();
        assertThat(ledger.recordNotification(mine, new NotificationOutcome.Delivered(200)))
                .as("a late delivery of a settled row changes nothing").isFalse();
    }

    private void rejectOneFile() {
        ledger.recordFile(claim("bad.yaml"), FileVerdict.rejected("bad.yaml",
                List.of(Problem.unplaced("missing job name")), List.of()));
    }

    /** Forwards the job and has the follower's first poll decide {@code decision}: how job states reach a ledger. */
    void followed(JobLedger ledger, AcceptedJob job, FollowDecision decision) {
        String id = job.job().id;
        ledger.followDelivered(Duration.ZERO);
        OutboxItem item = ledger.claimDue(10, LEASE).stream().filter(i -> i.jobId().equals(id)).findFirst()
                .orElseThrow();
        ledger.recordAttempt(item, 200, 3, null, new Delivery.Submitted("j-orch-" + id, "e-1", List.of()));
        FollowItem follow = ledger.claimFollows(10, LEASE).stream().filter(i -> i.jobId().equals(id)).findFirst()
                .orElseThrow();
        ledger.recordFollow(follow, decision);
    }

    AcceptedJob job(String name) {
        return TestJobs.stamped("default", name, "ubuntu", clock.instant());
    }

    IntakeClaim claim(String file) {
        claims++;
        return new IntakeClaim("inbox", file + ":" + claims, file);
    }

    private List<String> rows(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JobJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
