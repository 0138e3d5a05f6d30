package io.jobdrop.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.AcceptedJob;
import io.jobdrop.ingest.FileVerdict;
import io.jobdrop.spec.JobJson;
import io.jobdrop.spec.Problem;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The ledger's behaviour, run against each database by a subclass. Tables are emptied before each test; the clock
 * only moves when a test moves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JobLedgerBehaviour {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);

    HikariDataSource dataSource;
    MutableClock clock;
    JobLedger ledger;
    private int claims;

    /** A migrated pool on a database (or schema) of the test class's own. */
    abstract HikariDataSource openDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    /** Counts sessions, other than the asking one, that are blocked in a statement LIKE the given pattern. */
    abstract String blockedStatementsQuery();

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
            for (String table : List.of("job_events", "forward_attempts", "outbox", "follows", "executions",
                    "results_due", "unit_jobs", "job_versions", "jobs", "intake_claims")) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
        clock = new MutableClock(T0);
        ledger = new JobLedger(dataSource, clock, "instance-a");
    }

    // ---- intake -------------------------------------------------------------------------------------------------

    @Test
    void records_a_new_job_with_its_first_version_an_accepted_event_and_an_outbox_row_due_now() {
        AcceptedJob hello = job("hello", "ubuntu");

        FileOutcome outcome = ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));

        assertThat(outcome).isEqualTo(new FileOutcome(Disposition.DONE, false,
                List.of(new JobChange(hello.job().id, "default", "hello", 1, Change.CREATED))));
        JobDetail detail = detail("hello");
        assertThat(detail.summary()).isEqualTo(new JobSummary(hello.job().id, "default", "hello", 1, 1,
                DeliveryState.QUEUED, "Pending", T0, T0, T0, null));
        assertThat(detail.jobJson()).isEqualTo(JobJson.write(hello.job()));
        assertThat(detail.versions()).containsExactly(new JobVersion(1, "hello.yaml", T0, hello.specJson()));
        assertThat(detail.events()).extracting(JobEvent::type, JobEvent::source, JobEvent::version)
                .containsExactly(tuple(EventType.ACCEPTED, "hello.yaml", 1L));
        assertThat(detail.outbox()).contains(new OutboxState(1, 0, T0, T0, null, null));
        assertThat(ledger.claimDue(10, LEASE)).containsExactly(
                new OutboxItem(hello.job().id, "default", "hello", 1, hello.specJson(), 0, T0));
    }

    @Test
    void updates_a_changed_spec_to_version_2_with_the_same_id_and_create_time() {
        AcceptedJob first = job("hello", "ubuntu");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(first));
        clock.advance(Duration.ofSeconds(5));
        AcceptedJob second = job("hello", "debian");

        FileOutcome outcome = ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(second));

        String id = first.job().id;
        Instant later = T0.plusSeconds(5);
        assertThat(outcome.changes()).containsExactly(new JobChange(id, "default", "hello", 2, Change.UPDATED));
        JobDetail detail = detail(id);
        assertThat(detail.summary()).isEqualTo(new JobSummary(id, "default", "hello", 2, 2, DeliveryState.QUEUED,
                "Pending", T0, later, later, null));
        JsonNode stored = tree(detail.jobJson());
        assertThat(stored.get("ID").asText()).isEqualTo(id);
        assertThat(stored.get("Version").asLong()).isEqualTo(2);
        assertThat(stored.get("Revision").asLong()).isEqualTo(2);
        assertThat(stored.get("CreateTime").asLong()).isEqualTo(DbTime.unixNanos(T0));
        assertThat(stored.get("ModifyTime").asLong()).isEqualTo(DbTime.unixNanos(later));
        assertThat(second.job().id).as("the accepted job carries what was recorded").isEqualTo(id);
        assertThat(detail.versions()).extracting(JobVersion::version, JobVersion::specJson).containsExactly(
                tuple(1L, first.specJson()),
                tuple(2L, second.specJson()));
        assertThat(detail.events()).extracting(JobEvent::type).containsExactly(EventType.ACCEPTED, EventType.UPDATED);
        assertThat(detail.outbox()).contains(new OutboxState(2, 0, later, later, null, null));
    }

    @Test
    void records_an_identical_spec_as_unchanged_without_a_new_version_or_outbox_row() {
        AcceptedJob first = job("hello", "ubuntu");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(first));
        submit(claimOne());

        FileOutcome outcome = ledger.recordFile(claim("hello-again.yaml"), TestJobs.accepted(job("hello", "ubuntu")));

        assertThat(outcome.changes()).containsExactly(
                new JobChange(first.job().id, "default", "hello", 1, Change.UNCHANGED));
        JobDetail detail = detail("hello");
        assertThat(detail.versions()).hasSize(1);
        assertThat(detail.outbox()).isEmpty();
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.SUBMITTED);
        assertThat(detail.events()).extracting(JobEvent::type).endsWith(EventType.UNCHANGED);
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void treats_a_second_job_with_the_same_name_in_one_file_as_an_update_of_the_first() {
        AcceptedJob a = job("twin", "ubuntu");
        AcceptedJob b = job("twin", "debian");

        FileOutcome outcome = ledger.recordFile(claim("twins.yaml"), TestJobs.accepted(a, b));

        String id = a.job().id;
        assertThat(outcome.changes()).containsExactly(
                new JobChange(id, "default", "twin", 1, Change.CREATED),
                new JobChange(id, "default", "twin", 2, Change.UPDATED));
        assertThat(ledger.listJobs(null, 10)).hasSize(1);
        assertThat(ledger.claimDue(10, LEASE)).singleElement()
                .satisfies(item -> {
                    assertThat(item.version()).isEqualTo(2);
                    assertThat(item.specJson()).isEqualTo(b.specJson());
                });
    }

    @Test
    void records_a_rejected_file_as_a_rejected_event_with_its_errors_and_an_error_disposition() throws SQLException {
        FileVerdict verdict = FileVerdict.rejected("bad.yaml",
                List.of(new Problem("missing job name", "Name", 3, 1), Problem.unplaced("job must be in a namespace")),
                List.of());

        FileOutcome outcome = ledger.recordFile(claim("bad.yaml"), verdict);

        assertThat(outcome).isEqualTo(new FileOutcome(Disposition.ERROR, false, List.of()));
        assertThat(ledger.listJobs(null, 10)).isEmpty();
        String expected = "[{\"message\":\"missing job name\",\"path\":\"Name\",\"line\":3,\"column\":1},"
                + "{\"message\":\"job must be in a namespace\",\"path\":\"\",\"line\":0,\"column\":0}]";
        assertThat(rows("SELECT event_type, source, detail FROM job_events WHERE job_id IS NULL ORDER BY id"))
                .containsExactly(List.of("received", "bad.yaml", "null"), List.of("rejected", "bad.yaml", expected));
        assertThat(rows("SELECT disposition, report FROM intake_claims")).containsExactly(List.of("error", expected));
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void returns_the_recorded_disposition_and_changes_nothing_when_a_claim_is_recorded_again() {
        IntakeClaim good = claim("hello.yaml");
        IntakeClaim bad = claim("bad.yaml");
        ledger.recordFile(good, TestJobs.accepted(job("hello", "ubuntu")));
        ledger.recordFile(bad,
                FileVerdict.rejected("bad.yaml", List.of(Problem.unplaced("missing job name")), List.of()));

        FileOutcome goodAgain = ledger.recordFile(good, TestJobs.accepted(job("hello", "debian")));
        FileOutcome badAgain = ledger.recordFile(bad, TestJobs.accepted(job("other", "debian")));

        assertThat(goodAgain).isEqualTo(new FileOutcome(Disposition.DONE, true, List.of()));
        assertThat(badAgain).isEqualTo(new FileOutcome(Disposition.ERROR, true, List.of()));
        assertThat(ledger.listJobs(null, 10)).extracting(JobSummary::name, JobSummary::version)
                .containsExactly(tuple("hello", 1L));
    }

    @Test
    void a_claim_another_transaction_is_inserting_is_settled_by_that_transaction_once_it_commits() throws Exception {
        IntakeClaim contested = claim("contested.yaml");
        try (Connection other = dataSource.getConnection()) {
            claimUncommitted(other, contested);
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<FileOutcome> outcome = executor.submit(
                        () -> ledger.recordFile(contested, TestJobs.accepted(job("hello", "ubuntu"))));
                awaitBlockedIn("INSERT INTO intake_claims (%");
                other.commit();

                assertThat(outcome.get(30, TimeUnit.SECONDS))
                        .isEqualTo(new FileOutcome(Disposition.ERROR, true, List.of()));
            } finally {
                executor.shutdownNow();
            }
        }
        assertThat(ledger.listJobs(null, 10)).isEmpty();
    }

    @Test
    void units_another_instance_recorded_are_already_recorded_however_many_of_them_share_a_batch() throws Exception {
        List<IntakeClaim> recordedElsewhere = new ArrayList<>();
        try (JobLedger otherInstance = new JobLedger(dataSource, clock, "instance-b")) {
            for (int i = 0; i < 3; i++) {
                IntakeClaim claim = claim("taken-" + i + ".yaml");
                otherInstance.recordFile(claim, TestJobs.accepted(job("taken-" + i, "ubuntu")));
                recordedElsewhere.add(claim);
            }
        }
        IntakeClaim held = claim("held.yaml");
        List<CompletableFuture<FileOutcome>> again = new ArrayList<>();
        CompletableFuture<FileOutcome> heldOutcome;
        try (Connection other = dataSource.getConnection()) {
            // the writer waits on a claim this transaction is inserting, so what comes meanwhile forms one batch
            claimUncommitted(other, held);
            heldOutcome = ledger.submitFile(held, TestJobs.accepted(job("held", "ubuntu")));
            awaitBlockedIn("INSERT INTO intake_claims (%");
            for (IntakeClaim claim : recordedElsewhere) {
                again.add(ledger.submitFile(claim, TestJobs.accepted(job(claim.displayName(), "debian"))));
            }
            other.rollback();
        }
        assertThat(heldOutcome.get(30, TimeUnit.SECONDS).disposition()).isEqualTo(Disposition.DONE);
        for (CompletableFuture<FileOutcome> outcome : again) {
            // the first of the batch fails its optimistic run; the ones after it get their first run guarded
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(new FileOutcome(Disposition.DONE, true, List.of()));
        }
        assertThat(ledger.listJobs(null, 10)).extracting(JobSummary::name, JobSummary::version)
                .containsExactlyInAnyOrder(tuple("held", 1L), tuple("taken-0", 1L), tuple("taken-1", 1L),
                        tuple("taken-2", 1L));
    }

    @Test
    void retries_once_when_another_instance_creates_the_same_name_at_the_same_moment() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement("INSERT INTO jobs (id, namespace, name, version,"
                    + " revision, state, delivery, create_time, modify_time, updated_at)"
                    + " VALUES ('j-other', 'default', 'race', 1, 1, 'Pending', 'queued', 7, 7, ?)")) {
                s.setObject(1, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
                s.executeUpdate();
            }
            try (PreparedStatement s = other.prepareStatement("INSERT INTO job_versions (job_id, job_seq, version,"
                    + " job_json, spec_json, source, created_at) VALUES ('j-other', " + JobTable.SEQ_OF_ID + ", 1,"
                    + " '{}', '{}', 'other.yaml', ?)")) {
                s.setString(1, "j-other");
                s.setObject(2, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
                s.executeUpdate();
            }
            ExecutorService executor = Executors.newSingleThreadExecutor();
            try {
                Future<FileOutcome> outcome = executor.submit(
                        () -> ledger.recordFile(claim("race.yaml"), TestJobs.accepted(job("race", "ubuntu"))));
                awaitBlockedIn("INSERT INTO jobs (%");
                other.commit();

                assertThat(outcome.get(30, TimeUnit.SECONDS).changes())
                        .containsExactly(new JobChange("j-other", "default", "race", 2, Change.UPDATED));
            } finally {
                executor.shutdownNow();
            }
        }
        assertThat(detail("race").summary().createTime()).isEqualTo(DbTime.fromUnixNanos(7));
    }

    @Test
    void several_writers_record_each_jobs_files_in_order_while_other_jobs_are_claimed_and_sent() throws Exception {
        JobLedger writers = new JobLedger(dataSource, clock, "instance-w", 4, 64, NotifyTargets.NONE);
        int names = 12;
        int versions = 25;
        AtomicInteger sent = new AtomicInteger();
        ExecutorService forwarder = Executors.newSingleThreadExecutor();
        try {
            Future<?> forwarding = forwarder.submit(() -> {
                // claims and answers go through the writers too, side by side with the intake records
                while (!Thread.currentThread().isInterrupted() && sent.get() < names * versions) {
                    for (OutboxItem item : writers.claimDue(20, LEASE)) {
                        writers.recordAttempt(item, 200, 1, null, new Delivery.Submitted("o-" + item.version(),
                                "e", List.of()));
                        sent.incrementAndGet();
                    }
                }
                return null;
            });
            List<java.util.concurrent.CompletableFuture<FileOutcome>> recorded = new ArrayList<>();
            for (int v = 1; v <= versions; v++) {
                for (int n = 0; n < names; n++) {
                    recorded.add(writers.submitFile(claim("job-" + n + "-v" + v + ".yaml"),
                            TestJobs.accepted(job("job-" + n, "image-" + v))));
                }
            }
            for (java.util.concurrent.CompletableFuture<FileOutcome> outcome : recorded) {
                assertThat(outcome.get(60, TimeUnit.SECONDS).disposition()).isEqualTo(Disposition.DONE);
            }
            // read-only: a claim here would lease a row the forwarder then could not send
            await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT job_id FROM outbox").isEmpty()
                    && ledger.listJobs(DeliveryState.QUEUED.wireName(), 1).isEmpty());
            forwarder.shutdownNow();
            forwarding.cancel(true);
        } finally {
            forwarder.shutdownNow();
            writers.close();
        }
        for (int n = 0; n < names; n++) {
            JobDetail detail = detail("job-" + n);
            assertThat(detail.versions()).hasSize(versions);
            for (JobVersion version : detail.versions()) {
                assertThat(version.source()).as("job-%d's versions in the order its files came", n)
                        .isEqualTo("job-" + n + "-v" + version.version() + ".yaml");
                assertThat(JobJson.mapper().readTree(version.specJson()).at("/Tasks/0/Engine/Params/Image").asText())
                        .isEqualTo("image-" + version.version());
            }
            assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.SUBMITTED);
        }
    }

    @Test
    void stores_and_forwards_a_job_of_ten_megabytes() {
        AcceptedJob big = job("big", "ubuntu");
        big.job().tasks.get(0).env = Map.of("PAYLOAD", "x".repeat(10 * 1024 * 1024));
        AcceptedJob withPayload = new AcceptedJob(big.job(), JobJson.writeSpec(big.job()), List.of());

        ledger.recordFile(claim("big.yaml"), TestJobs.accepted(withPayload));

        assertThat(claimOne().specJson()).isEqualTo(withPayload.specJson()).hasSizeGreaterThan(10 * 1024 * 1024);
    }

    @Test
    void records_job_warnings_on_the_accepted_event() {
        AcceptedJob plain = job("warned", "ubuntu");
        AcceptedJob warned = new AcceptedJob(plain.job(), plain.specJson(),
                List.of(new Problem("Count is ignored for ops jobs", "Count", 4, 8)));

        ledger.recordFile(claim("warned.yaml"), TestJobs.accepted(warned));

        assertThat(detail("warned").events()).singleElement().extracting(JobEvent::detail).isEqualTo(
                "[{\"message\":\"Count is ignored for ops jobs\",\"path\":\"Count\",\"line\":4,\"column\":8}]");
    }

    // ---- outbox ---------------------------------------------------------------------------------------------------

    @Test
    void a_claimed_row_is_not_claimed_again_until_its_lease_runs_out() {
        record("hello");
        JobLedger otherInstance = new JobLedger(dataSource, clock, "instance-b");

        assertThat(ledger.claimDue(10, LEASE)).hasSize(1);
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
        assertThat(otherInstance.claimDue(10, LEASE)).isEmpty();
        clock.advance(LEASE);
        assertThat(otherInstance.claimDue(10, LEASE)).as("a lease lasts up to its end").isEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertThat(otherInstance.claimDue(10, LEASE)).hasSize(1);
        assertThat(detail("hello").outbox()).get().extracting(OutboxState::leaseOwner, OutboxState::leaseUntil)
                .containsExactly("instance-b", T0.plus(LEASE).plusSeconds(1).plus(LEASE));
    }

    @Test
    void claims_the_earliest_due_rows_first_and_no_more_than_asked() {
        record("first");
        clock.advance(Duration.ofSeconds(1));
        record("second");
        clock.advance(Duration.ofSeconds(1));
        record("third");

        assertThat(ledger.claimDue(2, LEASE)).extracting(OutboxItem::name).containsExactly("first", "second");
        assertThat(ledger.claimDue(2, LEASE)).extracting(OutboxItem::name).containsExactly("third");
    }

    @Test
    void a_candidate_another_instance_leased_after_it_was_read_is_not_leased_again() throws Exception {
        String jobId = record("raced");
        clock.advance(Duration.ofSeconds(1));
        String freeId = record("free");
        // instance-b read both as candidates, then instance-a leased "raced" and committed before b locked the rows
        assertThat(new JobLedger(dataSource, clock, "instance-a").claimDue(1, LEASE)).extracting(OutboxItem::name)
                .containsExactly("raced");

        List<OutboxItem> leased;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Instant now = clock.instant();
            leased = OutboxTable.lease(c, List.of(seqOf(jobId), seqOf(freeId)), now, now.plus(LEASE), "instance-b");
            c.commit();
        }

        assertThat(leased).extracting(OutboxItem::name).containsExactly("free");
        assertThat(detail("raced").outbox()).get().extracting(OutboxState::leaseOwner).isEqualTo("instance-a");
        assertThat(detail("free").outbox()).get().extracting(OutboxState::leaseOwner).isEqualTo("instance-b");
    }

    @Test
    void passes_over_a_row_another_transaction_holds_locked() throws Exception {
        String lockedId = record("locked");
        record("free-1");
        record("free-2");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement(
                    "SELECT version FROM outbox WHERE job_id = ? FOR UPDATE")) {
                s.setString(1, lockedId);
                s.executeQuery().close();
            }
            try {
                // in another thread, so a claimer that waited for the lock would fail here instead of hanging
                Future<List<OutboxItem>> claimed = executor.submit(() -> ledger.claimDue(10, LEASE));

                assertThat(claimed.get(10, TimeUnit.SECONDS)).extracting(OutboxItem::name)
                        .containsExactlyInAnyOrder("free-1", "free-2");
            } finally {
                other.rollback();
            }
        } finally {
            executor.shutdownNow();
        }
        assertThat(ledger.claimDue(10, LEASE)).extracting(OutboxItem::name).containsExactly("locked");
    }

    @Test
    void two_concurrent_claimers_never_get_the_same_row() throws Exception {
        int jobs = 60;
        AcceptedJob[] all = new AcceptedJob[jobs];
        for (int i = 0; i < jobs; i++) {
            all[i] = job("job-" + i, "ubuntu");
        }
        ledger.recordFile(claim("many.yaml"), TestJobs.accepted(all));
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger total = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> claimers = new ArrayList<>();
            for (String instance : List.of("instance-a", "instance-b")) {
                JobLedger claimer = new JobLedger(dataSource, clock, instance);
                claimers.add(executor.submit(() -> {
                    start.await();
                    // a claimer may come back empty-handed while the other holds the remaining rows locked
                    for (int round = 0; round < 10_000 && total.get() < jobs; round++) {
                        List<OutboxItem> items = claimer.claimDue(3, LEASE);
                        items.forEach(item -> claimed.add(item.jobId()));
                        total.addAndGet(items.size());
                    }
                    return null;
                }));
            }
            for (Future<?> claimer : claimers) {
                claimer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        assertThat(claimed).hasSize(jobs).doesNotHaveDuplicates();
    }

    @Test
    void submitted_removes_the_outbox_row_and_records_the_orchestrator_ids() {
        record("hello");
        OutboxItem item = claimOne();

        ledger.recordAttempt(item, 200, 12, null, new Delivery.Submitted("j-orch", "e-1", List.of("a warning")));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.SUBMITTED);
        assertThat(detail.orchestratorJobId()).isEqualTo("j-orch");
        assertThat(detail.evaluationId()).isEqualTo("e-1");
        assertThat(detail.outbox()).isEmpty();
        assertThat(detail.attempts()).containsExactly(
                new ForwardAttempt(1, 1, T0, 200, 12, AttemptOutcome.SUBMITTED, null));
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::source, JobEvent::detail).containsExactly(
                EventType.FORWARDED, "instance-a",
                "{\"JobID\":\"j-orch\",\"EvaluationID\":\"e-1\",\"Warnings\":[\"a warning\"]}");
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void already_present_counts_as_submitted_and_keeps_earlier_orchestrator_ids() {
        record("hello");
        ledger.recordAttempt(claimOne(), 200, 5, null, new Delivery.Submitted("j-orch", "e-1", List.of()));
        ledger.recordFile(claim("hello-v2.yaml"), TestJobs.accepted(job("hello", "debian")));

        ledger.recordAttempt(claimOne(), 500, 7, "no changes detected",
                new Delivery.AlreadyPresent("no changes detected"));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.SUBMITTED);
        assertThat(detail.orchestratorJobId()).isEqualTo("j-orch");
        assertThat(detail.outbox()).isEmpty();
        assertThat(detail.attempts()).extracting(ForwardAttempt::attempt, ForwardAttempt::version,
                ForwardAttempt::outcome).containsExactly(
                tuple(1, 1L, AttemptOutcome.SUBMITTED),
                tuple(2, 2L, AttemptOutcome.ALREADY_PRESENT));
        assertThat(lastEvent(detail).detail()).isEqualTo("already present: no changes detected");
    }

    @Test
    void rejected_makes_a_dead_letter_at_once_and_keeps_the_spec_for_replay() {
        AcceptedJob hello = job("hello", "ubuntu");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));

        ledger.recordAttempt(claimOne(), 400, 9, "{\"error\":\"bad\"}", new Delivery.Rejected("invalid job spec"));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.DEAD);
        assertThat(detail.summary().lastError()).isEqualTo("rejected by orchestrator: invalid job spec");
        assertThat(detail.outbox()).isEmpty();
        assertThat(detail.versions()).extracting(JobVersion::specJson).containsExactly(hello.specJson());
        assertThat(detail.attempts()).singleElement().extracting(ForwardAttempt::outcome, ForwardAttempt::error)
                .containsExactly(AttemptOutcome.REJECTED, "{\"error\":\"bad\"}");
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::detail)
                .containsExactly(EventType.DEAD, "rejected by orchestrator: invalid job spec");
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
    }

    @Test
    void a_retry_that_counts_adds_a_failure_and_waits_until_not_before() {
        record("hello");
        Instant notBefore = T0.plusSeconds(10);

        ledger.recordAttempt(claimOne(), 503, 30, null, new Delivery.Retry(notBefore, true, "HTTP 503: unavailable"));

        JobDetail detail = detail("hello");
        assertThat(detail.outbox()).contains(new OutboxState(1, 1, T0, notBefore, null, null));
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.QUEUED);
        assertThat(detail.summary().lastError()).isEqualTo("HTTP 503: unavailable");
        assertThat(detail.attempts()).singleElement().extracting(ForwardAttempt::error)
                .isEqualTo("HTTP 503: unavailable");
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::detail)
                .containsExactly(EventType.ATTEMPT_FAILED, "HTTP 503: unavailable");
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();
        clock.set(notBefore);
        assertThat(claimOne().failures()).isEqualTo(1);
    }

    @Test
    void a_pause_for_refused_credentials_ends_at_once_for_other_credentials_but_not_for_the_refused_ones() {
        record("hello");
        Instant pausedUntil = T0.plusSeconds(60);
        ledger.recordAttempt(claimOne(), 401, 3, null,
                new Delivery.Retry(pausedUntil, false, "HTTP 401 credentials refused").refusedWith("sha256:old"));
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();

        assertThat(ledger.resumeRefusedOtherThan("sha256:old")).as("the same token waits out its pause").isZero();
        assertThat(ledger.claimDue(10, LEASE)).isEmpty();

        assertThat(ledger.resumeRefusedOtherThan("sha256:new")).isEqualTo(1);
        assertThat(claimOne().failures()).isZero();
        assertThat(ledger.resumeRefusedOtherThan("sha256:newer")).as("resumed once").isZero();
    }

    @Test
    void a_retry_that_is_not_the_jobs_fault_keeps_the_failure_count_and_records_its_reason() {
        record("hello");
        Instant notBefore = T0.plusSeconds(5);

        ledger.recordAttempt(claimOne(), 429, 3, null, new Delivery.Retry(notBefore, false, "429: retry after 5s"));

        JobDetail detail = detail("hello");
        assertThat(detail.outbox()).contains(new OutboxState(1, 0, T0, notBefore, null, null));
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::detail)
                .containsExactly(EventType.ATTEMPT_FAILED, "429: retry after 5s");
        assertThat(detail.attempts()).singleElement().extracting(ForwardAttempt::statusCode, ForwardAttempt::outcome)
                .containsExactly(429, AttemptOutcome.RETRY);
    }

    @Test
    void dead_removes_the_row_and_keeps_the_reason() {
        record("hello");

        ledger.recordAttempt(claimOne(), null, 10_000, "connect timed out",
                new Delivery.Dead("gave up after 10 attempts: connect timed out"));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.DEAD);
        assertThat(detail.summary().lastError()).isEqualTo("gave up after 10 attempts: connect timed out");
        assertThat(detail.outbox()).isEmpty();
        assertThat(detail.attempts()).singleElement().extracting(ForwardAttempt::statusCode).isNull();
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::detail)
                .containsExactly(EventType.DEAD, "gave up after 10 attempts: connect timed out");
    }

    @Test
    void numbers_the_attempts_of_a_job_one_after_another() {
        record("hello");
        ledger.recordAttempt(claimOne(), 503, 1, null, new Delivery.Retry(T0, true, "HTTP 503"));
        ledger.recordAttempt(claimOne(), 503, 1, null, new Delivery.Retry(T0, true, "HTTP 503"));
        ledger.recordAttempt(claimOne(), 200, 1, null, new Delivery.Submitted("j-orch", "e-1", List.of()));

        assertThat(detail("hello").attempts()).extracting(ForwardAttempt::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void an_answer_for_an_older_version_leaves_the_newer_version_queued() {
        record("hello");
        OutboxItem inFlight = claimOne();
        clock.advance(Duration.ofSeconds(1));
        AcceptedJob newer = job("hello", "debian");
        ledger.recordFile(claim("hello-v2.yaml"), TestJobs.accepted(newer));
        assertThat(ledger.claimDue(10, LEASE)).as("the lease of the older version holds").isEmpty();

        ledger.recordAttempt(inFlight, 200, 4, null, new Delivery.Submitted("j-orch", "e-1", List.of()));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.QUEUED);
        assertThat(detail.outbox()).contains(new OutboxState(2, 0, T0.plusSeconds(1), T0.plusSeconds(1), null, null));
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::version)
                .containsExactly(EventType.FORWARDED, 1L);
        assertThat(ledger.claimDue(10, LEASE)).singleElement().satisfies(item -> {
            assertThat(item.version()).isEqualTo(2);
            assertThat(item.specJson()).isEqualTo(newer.specJson());
        });
    }

    @Test
    void a_rejection_of_an_older_version_does_not_kill_the_newer_one() {
        record("hello");
        OutboxItem inFlight = claimOne();
        ledger.recordFile(claim("hello-v2.yaml"), TestJobs.accepted(job("hello", "debian")));

        ledger.recordAttempt(inFlight, 400, 4, null, new Delivery.Rejected("invalid job spec"));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.QUEUED);
        assertThat(detail.outbox()).get().extracting(OutboxState::version, OutboxState::leaseOwner)
                .containsExactly(2L, null);
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::detail).containsExactly(
                EventType.ATTEMPT_FAILED, "rejected by orchestrator: invalid job spec (version 2 is queued)");
    }

    @Test
    void an_update_queues_the_new_version_afresh_even_after_failures_or_death() {
        record("hello");
        ledger.recordAttempt(claimOne(), 503, 1, null, new Delivery.Retry(T0, true, "HTTP 503"));
        ledger.recordAttempt(claimOne(), 400, 1, null, new Delivery.Rejected("invalid job spec"));
        clock.advance(Duration.ofMinutes(1));

        ledger.recordFile(claim("hello-fixed.yaml"), TestJobs.accepted(job("hello", "debian")));

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.QUEUED);
        assertThat(detail.summary().lastError()).isNull();
        Instant now = T0.plus(Duration.ofMinutes(1));
        assertThat(detail.outbox()).contains(new OutboxState(2, 0, now, now, null, null));
    }

    // ---- following and reruns ------------------------------------------------------------------------------------

    @Test
    void an_answer_to_a_poll_claimed_before_a_rerun_does_not_end_the_rerun() {
        ledger.followDelivered(Duration.ofSeconds(1));
        record("again");
        submit(claimOne());
        clock.advance(Duration.ofSeconds(2));
        FollowItem beforeRerun = ledger.claimFollows(10, LEASE).get(0);
        clock.advance(Duration.ofSeconds(1));
        ledger.rerun("again", "test");
        OutboxItem rerun = claimOne();
        assertThat(rerun.isRerun()).isTrue();
        submit(rerun);

        ledger.recordFollow(beforeRerun, new FollowDecision.Seen(new Observation("Completed", "", List.of()), null));

        assertThat(ledger.followedJobs()).as("the rerun is still followed").isEqualTo(1);
        assertThat(detail("again").summary().state()).isNotEqualTo("Completed");
        clock.advance(Duration.ofSeconds(1));
        FollowItem ofRerun = ledger.claimFollows(10, LEASE).get(0);
        ledger.recordFollow(ofRerun, new FollowDecision.Seen(new Observation("Completed", "", List.of()), null));
        assertThat(ledger.followedJobs()).isZero();
        assertThat(detail("again").summary().state()).isEqualTo("Completed");
    }

    @Test
    void an_answer_to_a_submission_sent_before_a_rerun_does_not_settle_the_rerun() {
        ledger.followDelivered(Duration.ofSeconds(1));
        record("again");
        OutboxItem first = claimOne();
        clock.advance(LEASE.plusSeconds(1)); // the first sender is slow: its lease runs out, another sends the job
        submit(claimOne());
        clock.advance(Duration.ofSeconds(1));
        ledger.rerun("again", "test");

        submit(first); // the slow sender's answer comes in at last

        assertThat(ledger.claimDue(10, LEASE)).singleElement().satisfies(item -> {
            assertThat(item.isRerun()).isTrue();
            assertThat(item.queuedAt()).isEqualTo(T0.plus(LEASE).plusSeconds(2));
        });
        assertThat(detail("again").summary().delivery()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void a_file_dropped_again_unchanged_gets_its_result_from_the_jobs_current_state() throws SQLException {
        ledger.followDelivered(Duration.ofSeconds(1));
        AcceptedJob same = job("same", "ubuntu");
        ledger.recordFile(claim("same.yaml"), TestJobs.accepted(same));
        submit(claimOne());
        clock.advance(Duration.ofSeconds(1));
        ledger.recordFollow(ledger.claimFollows(10, LEASE).get(0),
                new FollowDecision.Seen(new Observation("Completed", "", List.of()), null));

        IntakeClaim again = claim("same-again.yaml");
        ledger.recordFile(again, TestJobs.accepted(same));

        List<List<String>> result = rows("SELECT result_json FROM intake_claims WHERE claim_key = '" + again.key()
                + "'");
        assertThat(result).singleElement().satisfies(row -> {
            JsonNode json = tree(row.get(0));
            assertThat(json.get("file").asText()).isEqualTo("same-again.yaml");
            assertThat(json.at("/jobs/0/state").asText()).isEqualTo("Completed");
        });
        assertThat(rows("SELECT COUNT(*) FROM results_due WHERE claim_key = '" + again.key() + "'"))
                .containsExactly(List.of("1"));
    }

    @Test
    void the_last_two_jobs_of_a_unit_ended_side_by_side_give_the_unit_its_result() throws Exception {
        ledger.followDelivered(Duration.ofSeconds(1));
        AcceptedJob first = job("first", "ubuntu");
        AcceptedJob second = job("second", "ubuntu");
        IntakeClaim pair = claim("pair.yaml");
        ledger.recordFile(pair, TestJobs.accepted(first, second));
        List<OutboxItem> both = ledger.claimDue(10, LEASE);
        assertThat(both).hasSize(2);
        both.forEach(this::submit);

        // two writers (or instances) record the ends of the two jobs in transactions that overlap
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection one = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            one.setAutoCommit(false);
            other.setAutoCommit(false);
            FollowTable.remove(one, first.job().id);
            UnitResults.settleUnitsOf(one, List.of(first.job().id));
            Future<?> ending = executor.submit(() -> {
                FollowTable.remove(other, second.job().id);
                UnitResults.settleUnitsOf(other, List.of(second.job().id));
                other.commit();
                return null;
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> ending.isDone() || isBlockedIn("SELECT result_json FROM intake_claims%"));
            one.commit();
            ending.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }

        assertThat(rows("SELECT result_json FROM intake_claims WHERE claim_key = '" + pair.key() + "'"))
                .singleElement().satisfies(row -> assertThat(tree(row.get(0)).get("jobs"))
                        .extracting(job -> job.get("name").asText()).containsExactly("first", "second"));
        assertThat(rows("SELECT COUNT(*) FROM results_due WHERE claim_key = '" + pair.key() + "'"))
                .containsExactly(List.of("1"));
    }

    @Test
    void two_writers_ending_jobs_of_the_same_two_units_in_crossed_order_wait_for_each_other_and_never_deadlock()
            throws Exception {
        ledger.followDelivered(Duration.ofSeconds(1));
        AcceptedJob a1 = job("a1", "ubuntu");
        AcceptedJob b1 = job("b1", "ubuntu");
        AcceptedJob a2 = job("a2", "ubuntu");
        AcceptedJob b2 = job("b2", "ubuntu");
        IntakeClaim one = claim("one.yaml");
        IntakeClaim two = claim("two.yaml");
        ledger.recordFile(one, TestJobs.accepted(a1, b1));
        ledger.recordFile(two, TestJobs.accepted(a2, b2));
        List<OutboxItem> all = ledger.claimDue(10, LEASE);
        assertThat(all).hasSize(4);
        all.forEach(this::submit);

        // writer A ends a1 (unit one), then a2 (unit two); writer B ends b2 (unit two), then b1 (unit one); each batch
        // goes on to its second write only once both have done their first. Settled write by write, A would hold
        // unit one's row and B unit two's, each waiting for the other's.
        CyclicBarrier firstWritesDone = new CyclicBarrier(2);
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<?>> ends = new ArrayList<>();
        try (GroupCommit writerA = new GroupCommit(dataSource, 10, "writer-a");
             GroupCommit writerB = new GroupCommit(dataSource, 10, "writer-b")) {
            for (GroupCommit writer : List.of(writerA, writerB)) {
                hold(writer, release);
            }
            ends.add(writerA.submit("end a1", end(a1, runs, firstWritesDone)));
            ends.add(writerA.submit("end a2", end(a2, runs, null)));
            ends.add(writerB.submit("end b2", end(b2, runs, firstWritesDone)));
            ends.add(writerB.submit("end b1", end(b1, runs, null)));
            release.countDown();
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        }

        assertThat(runs).as("times each write ran: a rolled-back batch (a deadlock) would run its writes again")
                .allSatisfy((job, count) -> assertThat(count.get()).as(job).isEqualTo(1)).hasSize(4);
        for (IntakeClaim unit : List.of(one, two)) {
            assertThat(rows("SELECT result_json FROM intake_claims WHERE claim_key = '" + unit.key() + "'"))
                    .singleElement().satisfies(row -> assertThat(tree(row.get(0)).get("jobs")).hasSize(2));
        }
        assertThat(rows("SELECT COUNT(*) FROM results_due")).containsExactly(List.of("2"));
    }

    @Test
    void a_unit_that_cannot_be_settled_fails_only_the_write_that_ended_its_job() throws Exception {
        ledger.followDelivered(Duration.ofSeconds(1));
        AcceptedJob broken = job("broken", "ubuntu");
        AcceptedJob fine = job("fine", "ubuntu");
        IntakeClaim brokenUnit = claim("broken.yaml");
        IntakeClaim fineUnit = claim("fine.yaml");
        ledger.recordFile(brokenUnit, TestJobs.accepted(broken));
        ledger.recordFile(fineUnit, TestJobs.accepted(fine));
        ledger.claimDue(10, LEASE).forEach(this::submit);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE intake_claims SET jobs = 'not json' WHERE claim_key = '" + brokenUnit.key() + "'");
        }

        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> endBroken;
        CompletableFuture<Void> endFine;
        try (GroupCommit writer = new GroupCommit(dataSource, 10, "writer")) {
            hold(writer, release);
            endBroken = writer.submit("end broken", end(broken, runs, null));
            endFine = writer.submit("end fine", end(fine, runs, null));
            release.countDown();
            endFine.get(30, TimeUnit.SECONDS);
            assertThat(endBroken).failsWithin(Duration.ofSeconds(30));
        }

        assertThat(rows("SELECT COUNT(*) FROM intake_claims WHERE result_json IS NOT NULL AND claim_key = '"
                + fineUnit.key() + "'")).as("the other write's unit got its result").containsExactly(List.of("1"));
        assertThat(rows("SELECT COUNT(*) FROM follows WHERE job_id = '" + broken.job().id + "'"))
                .as("the failed write's own changes are rolled back with it").containsExactly(List.of("1"));
    }

    /** Ends a followed job as following does, then waits at {@code barrier} (when given) before going on. */
    private static Transactions.Work<Void> end(AcceptedJob job, Map<String, AtomicInteger> runs,
                                               CyclicBarrier barrier) {
        return c -> {
            runs.computeIfAbsent(job.job().name, name -> new AtomicInteger()).incrementAndGet();
            FollowTable.remove(c, job.job().id);
            UnitSettling.settleUnitsOf(c, job.job().id);
            if (barrier != null) {
                try {
                    barrier.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    throw new IllegalStateException("the other writer did not reach its second write", e);
                }
            }
            return null;
        };
    }

    /** Keeps the writer busy until {@code release}, so that what is submitted meanwhile is written as one batch. */
    private static void hold(GroupCommit writer, CountDownLatch release) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        writer.submit("hold", c -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tables_about_a_job_are_indexed_by_its_sequential_number_and_not_by_its_random_id() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            java.sql.DatabaseMetaData meta = c.getMetaData();
            for (String table : List.of("job_versions", "job_events", "forward_attempts", "outbox", "follows",
                    "executions", "unit_jobs")) {
                String stored = JobSeqMigration.stored(meta, table);
                List<String> leading = new ArrayList<>();
                try (ResultSet r = meta.getIndexInfo(c.getCatalog(), c.getSchema(), stored, false, false)) {
                    while (r.next()) {
                        if (r.getShort("ORDINAL_POSITION") == 1) {
                            leading.add(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
                assertThat(leading).as(table).contains("job_seq").doesNotContain("job_id");
                try (ResultSet r = meta.getImportedKeys(c.getCatalog(), c.getSchema(), stored)) {
                    assertThat(r.next()).as(table + " has a foreign key, and H2 indexes each").isFalse();
                }
            }
        }
    }

    @Test
    void links_each_unit_to_its_jobs_once() throws SQLException {
        AcceptedJob first = job("first", "ubuntu");
        AcceptedJob second = job("second", "ubuntu");
        IntakeClaim pair = claim("pair.yaml");

        ledger.recordFile(pair, TestJobs.accepted(first, second, first));

        assertThat(rows("SELECT job_id FROM unit_jobs WHERE source = 'inbox' AND claim_key = '" + pair.key()
                + "' ORDER BY job_id")).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder(first.job().id, second.job().id);
    }

    @Test
    void a_dead_rerun_is_replayed_as_a_rerun() {
        record("again");
        submit(claimOne());
        ledger.rerun("again", "test");
        ledger.recordAttempt(claimOne(), null, 1, null, new Delivery.Dead("gave up"));
        assertThat(detail("again").summary().delivery()).isEqualTo(DeliveryState.DEAD);

        assertThat(ledger.replay("again")).isEqualTo(1);

        OutboxItem replayed = claimOne();
        assertThat(replayed.isRerun()).isTrue();
        assertThat(replayed.orchestratorRef()).isEqualTo("j-orch");
        submit(replayed);
        record("plain");
        ledger.recordAttempt(claimOne(), null, 1, null, new Delivery.Dead("gave up"));
        ledger.replay("plain");
        assertThat(claimOne().request()).as("a dead submission stays a submission").isNull();
    }

    // ---- dead letters ---------------------------------------------------------------------------------------------

    @Test
    void replays_a_dead_letter_into_the_outbox_due_now_with_no_failures() {
        AcceptedJob hello = job("hello", "ubuntu");
        ledger.recordFile(claim("hello.yaml"), TestJobs.accepted(hello));
        ledger.recordAttempt(claimOne(), 400, 1, null, new Delivery.Rejected("invalid job spec"));
        clock.advance(Duration.ofHours(1));
        Instant now = T0.plus(Duration.ofHours(1));

        assertThat(ledger.replay("hello")).isEqualTo(1);

        JobDetail detail = detail("hello");
        assertThat(detail.summary().delivery()).isEqualTo(DeliveryState.QUEUED);
        assertThat(detail.outbox()).contains(new OutboxState(1, 0, now, now, null, null));
        assertThat(lastEvent(detail)).extracting(JobEvent::type, JobEvent::version)
                .containsExactly(EventType.REPLAYED, 1L);
        assertThat(claimOne().specJson()).isEqualTo(hello.specJson());
        assertThat(ledger.replay(hello.job().id)).as("a queued job is not dead").isZero();
    }

    @Test
    void replays_every_dead_letter_and_nothing_else() {
        for (String name : List.of("dead-1", "dead-2", "alive")) {
            record(name);
        }
        for (OutboxItem item : ledger.claimDue(10, LEASE)) {
            Delivery delivery = item.name().startsWith("dead")
                    ? new Delivery.Dead("gave up") : new Delivery.Submitted("j-orch", "e", List.of());
            ledger.recordAttempt(item, null, 1, null, delivery);
        }

        assertThat(ledger.replayAllDead()).isEqualTo(2);

        assertThat(ledger.listJobs("dead", 10)).isEmpty();
        assertThat(ledger.claimDue(10, LEASE)).extracting(OutboxItem::name)
                .containsExactlyInAnyOrder("dead-1", "dead-2");
        assertThat(ledger.replayAllDead()).isZero();
    }

    @Test
    void replaying_an_unknown_job_is_an_error_that_names_it() {
        assertThatThrownBy(() -> ledger.replay("nobody"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no job with ID or name 'nobody'");
    }

    // ---- queries --------------------------------------------------------------------------------------------------

    @Test
    void lists_the_latest_changed_jobs_first_and_filters_by_delivery() {
        record("a");
        clock.advance(Duration.ofSeconds(1));
        record("b");
        clock.advance(Duration.ofSeconds(1));
        record("c");
        clock.advance(Duration.ofSeconds(1));
        OutboxItem b = ledger.claimDue(10, LEASE).stream().filter(i -> i.name().equals("b")).findFirst().orElseThrow();
        ledger.recordAttempt(b, 400, 1, null, new Delivery.Rejected("no"));

        assertThat(ledger.listJobs(null, 10)).extracting(JobSummary::name).containsExactly("b", "c", "a");
        assertThat(ledger.listJobs(null, 1)).extracting(JobSummary::name).containsExactly("b");
        assertThat(ledger.listJobs("dead", 10)).extracting(JobSummary::name).containsExactly("b");
        assertThat(ledger.listJobs("queued", 10)).extracting(JobSummary::name).containsExactly("c", "a");
        assertThat(ledger.listJobs("submitted", 10)).isEmpty();
        assertThatThrownBy(() -> ledger.listJobs("lost", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lost'").hasMessageContaining("queued, submitted or dead");
    }

    @Test
    void shows_a_job_by_id_or_by_name_and_nothing_for_an_unknown_one() {
        String id = record("hello");

        assertThat(ledger.show(id)).get().extracting(d -> d.summary().name()).isEqualTo("hello");
        assertThat(ledger.show("hello")).get().extracting(d -> d.summary().id()).isEqualTo(id);
        assertThat(ledger.show("nobody")).isEmpty();
    }

    @Test
    void refuses_a_name_used_in_several_namespaces_and_says_which() {
        AcceptedJob inDefault = job("shared", "ubuntu");
        AcceptedJob inTeam = TestJobs.stamped("team-a", "shared", "ubuntu", T0);
        ledger.recordFile(claim("shared.yaml"), TestJobs.accepted(inDefault, inTeam));

        assertThatThrownBy(() -> ledger.show("shared"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job name 'shared' is used in 2 namespaces: namespace 'default' (" + inDefault.job().id
                        + "), namespace 'team-a' (" + inTeam.job().id + "); give the job ID instead");
        assertThat(ledger.show(inTeam.job().id)).get().extracting(d -> d.summary().namespace()).isEqualTo("team-a");
    }

    @Test
    void next_due_is_when_the_first_row_becomes_claimable() {
        assertThat(ledger.nextDue()).isEmpty();
        record("first");
        assertThat(ledger.nextDue()).contains(T0);

        claimOne();
        assertThat(ledger.nextDue()).as("a leased row is due when its lease ends").contains(T0.plus(LEASE));

        clock.advance(Duration.ofSeconds(5));
        record("second");
        assertThat(ledger.nextDue()).contains(T0.plusSeconds(5));
    }

    @Test
    void a_database_that_does_not_answer_is_an_exception_never_a_verdict() {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:mem:missing;IFEXISTS=TRUE");
        JobLedger broken = new JobLedger(missing, clock, "instance-a");

        ledger.ping();
        assertThatThrownBy(broken::ping).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> broken.recordFile(claim("hello.yaml"), TestJobs.accepted(job("hello", "ubuntu"))))
                .isInstanceOf(LedgerException.class)
                .hasMessageContaining("hello.yaml");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    AcceptedJob job(String name, String image) {
        return TestJobs.stamped("default", name, image, clock.instant());
    }

    /** {@code other} inserts the claim as a rejection and keeps its transaction open. */
    private static void claimUncommitted(Connection other, IntakeClaim claim) throws SQLException {
        other.setAutoCommit(false);
        try (PreparedStatement s = other.prepareStatement("INSERT INTO intake_claims (source, claim_key,"
                + " source_name, disposition, report, claimed_at) VALUES (?, ?, ?, 'error', '[]', ?)")) {
            s.setString(1, claim.source());
            s.setString(2, claim.key());
            s.setString(3, claim.displayName());
            s.setObject(4, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    /** A claim on a new version of a file: each call is another (name, size, mtime). */
    IntakeClaim claim(String file) {
        claims++;
        return new IntakeClaim("inbox", file + ":" + claims, file);
    }

    String record(String name) {
        AcceptedJob job = job(name, "ubuntu");
        ledger.recordFile(claim(name + ".yaml"), TestJobs.accepted(job));
        return job.job().id;
    }

    OutboxItem claimOne() {
        List<OutboxItem> items = ledger.claimDue(10, LEASE);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    void submit(OutboxItem item) {
        ledger.recordAttempt(item, 200, 1, null, new Delivery.Submitted("j-orch", "e-1", List.of()));
    }

    /** The job's number in jobs.seq, by which the tables about it are keyed. */
    long seqOf(String jobId) throws SQLException {
        return Long.parseLong(rows("SELECT seq FROM jobs WHERE id = '" + jobId + "'").get(0).get(0));
    }

    JobDetail detail(String idOrName) {
        return ledger.show(idOrName).orElseThrow();
    }

    static JobEvent lastEvent(JobDetail detail) {
        return detail.events().get(detail.events().size() - 1);
    }

    static JsonNode tree(String json) {
        try {
            return JobJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Rows as lists of strings ("null" for NULL), for the tables no API method reads. */
    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(r.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Waits until a ledger transaction is blocked behind the test's own uncommitted row. */
    void awaitBlockedIn(String statementPattern) {
        await().atMost(Duration.ofSeconds(30)).until(() -> isBlockedIn(statementPattern));
    }

    boolean isBlockedIn(String statementPattern) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(blockedStatementsQuery())) {
            s.setString(1, statementPattern);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) > 0;
            }
        }
    }
}
