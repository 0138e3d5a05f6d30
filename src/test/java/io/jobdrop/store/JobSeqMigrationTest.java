package io.jobdrop.store;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A ledger written before migration 18, with a row in every table about a job, opened by this version: each row is
 * still its job's, read through the ledger, and jobs recorded afterwards get numbers of their own. On H2 and on the
 * PostgreSQL server of the machine.
 */
class JobSeqMigrationTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    Path folder;

    @Test
    void an_h2_ledger_keeps_every_row_with_its_job() throws Exception {
        migrateAndCheck("jdbc:h2:file:" + folder.resolve("ledger"), "sa", "secret");
    }

    @Test
    void a_postgresql_ledger_keeps_every_row_with_its_job() throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        execute(SERVER, "CREATE SCHEMA " + schema);
        try {
            migrateAndCheck(SERVER + "?currentSchema=" + schema, "postgres", "");
        } finally {
            execute(SERVER, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private void migrateAndCheck(String url, String user, String password) throws Exception {
        try (HikariDataSource before = pool(url, user, password)) {
            LedgerDatabase.migrations(before, url).target("17").load().migrate();
            writeRowsOfSchema17(before);
        }

        try (HikariDataSource after = LedgerDatabase.open(url, user, password)) {
            MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
            JobLedger ledger = new JobLedger(after, clock, "instance-a");
            try {
                JobDetail first = ledger.show("j-1").orElseThrow();
                assertThat(first.versions()).extracting(JobVersion::version, JobVersion::source)
                        .containsExactly(tuple(1L, "first.yaml"), tuple(2L, "first.yaml"));
                assertThat(first.events()).extracting(JobEvent::type).containsExactly(EventType.ACCEPTED,
                        EventType.UPDATED, EventType.FORWARDED);
                assertThat(first.attempts()).extracting(ForwardAttempt::attempt).containsExactly(1);
                assertThat(first.outbox()).isEmpty();
                assertThat(ledger.executions("j-1")).extracting(ExecutionRecord::id).containsExactly("e-1");
                assertThat(ledger.claimFollows(10, Duration.ofSeconds(30))).extracting(FollowItem::jobId)
                        .containsExactly("j-1");

                JobDetail second = ledger.show("j-2").orElseThrow();
                assertThat(second.versions()).extracting(JobVersion::version).containsExactly(1L);
                assertThat(second.events()).extracting(JobEvent::type).containsExactly(EventType.ACCEPTED);
                assertThat(second.outbox()).isPresent();
                assertThat(ledger.claimDue(10, Duration.ofSeconds(30))).extracting(OutboxItem::jobId,
                        OutboxItem::specJson).containsExactly(tuple("j-2", "{\"v\":1}"));

                assertThat(ledger.showFile("first.yaml")).isNotEmpty();
                assertThat(rows(after, "SELECT claim_key, job_id FROM unit_jobs u JOIN jobs j ON j.seq = u.job_seq"
                        + " ORDER BY claim_key")).containsExactly(List.of("k-1", "j-1"), List.of("k-2", "j-2"));
                assertThat(rows(after, "SELECT COUNT(*) FROM job_events WHERE job_id IS NULL AND job_seq IS NULL"))
                        .containsExactly(List.of("1"));

                ledger.recordFile(new IntakeClaim("inbox", "k-3", "third.yaml"),
                        TestJobs.accepted(TestJobs.stamped("default", "third", "ubuntu", clock.instant())));
                assertThat(rows(after, "SELECT name, seq FROM jobs ORDER BY seq"))
                        .extracting(row -> row.get(0)).containsExactly("first", "second", "third");
                assertThat(ledger.show("third").orElseThrow().versions()).hasSize(1);
                assertThat(ledger.show("first").orElseThrow().versions()).hasSize(2);
            } finally {
                ledger.close();
            }
        }
    }

    /** Two jobs as jobdrop 17 recorded them: j-1 delivered and followed, j-2 waiting in the outbox. */
    private static void writeRowsOfSchema17(HikariDataSource ds) throws SQLException {
        String at = "TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00+00'";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO jobs (id, namespace, name, version, revision, state, delivery, create_time,"
                    + " modify_time, orchestrator_job_id, updated_at) VALUES"
                    + " ('j-1', 'default', 'first', 2, 2, 'Running', 'submitted', 1, 2, 'j-1', " + at + "),"
                    + " ('j-2', 'default', 'second', 1, 1, 'Pending', 'queued', 3, 3, NULL, " + at + ")");
            s.execute("INSERT INTO job_versions (job_id, version, job_json, spec_json, source, created_at) VALUES"
                    + " ('j-1', 1, '{}', '{\"v\":1}', 'first.yaml', " + at + "),"
                    + " ('j-1', 2, '{}', '{\"v\":2}', 'first.yaml', " + at + "),"
                    + " ('j-2', 1, '{}', '{\"v\":1}', 'second.yaml', " + at + ")");
            s.execute("INSERT INTO job_events (job_id, namespace, name, version, event_type, source, occurred_at)"
                    + " VALUES (NULL, NULL, NULL, NULL, 'received', 'first.yaml', " + at + "),"
                    + " ('j-1', 'default', 'first', 1, 'accepted', 'first.yaml', " + at + "),"
                    + " ('j-2', 'default', 'second', 1, 'accepted', 'second.yaml', " + at + "),"
                    + " ('j-1', 'default', 'first', 2, 'updated', 'first.yaml', " + at + "),"
                    + " ('j-1', 'default', 'first', 2, 'forwarded', 'orchestrator', " + at + ")");
            s.execute("INSERT INTO forward_attempts (job_id, version, attempt, attempted_at, status_code, latency_ms,"
                    + " outcome) VALUES ('j-1', 2, 1, " + at + ", 200, 5, 'submitted')");
            s.execute("INSERT INTO outbox (job_id, version, failures, queued_at, next_attempt_at) VALUES"
                    + " ('j-2', 1, 0, " + at + ", " + at + ")");
            s.execute("INSERT INTO follows (job_id, version, orchestrator_job_id, namespace, job_type, state, polls,"
                    + " failures, started_at, next_poll_at) VALUES"
                    + " ('j-1', 2, 'j-1', 'default', 'batch', 'Running', 1, 0, " + at + ", " + at + ")");
            s.execute("INSERT INTO executions (id, job_id, version, job_version, compute_state, desired_state,"
                    + " stdout_truncated, stderr_truncated, create_time, modify_time, updated_at) VALUES"
                    + " ('e-1', 'j-1', 2, 2, 'Running', 'Running', FALSE, FALSE, 4, 5, " + at + ")");
            s.execute("INSERT INTO intake_claims (source, claim_key, source_name, disposition, claimed_at) VALUES"
                    + " ('inbox', 'k-1', 'first.yaml', 'done', " + at + "),"
                    + " ('inbox', 'k-2', 'second.yaml', 'done', " + at + ")");
            s.execute("INSERT INTO unit_jobs (source, claim_key, job_id) VALUES"
                    + " ('inbox', 'k-1', 'j-1'), ('inbox', 'k-2', 'j-2')");
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(user);
        ds.setPassword(password);
        return ds;
    }

    private static List<List<String>> rows(HikariDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<List<String>> rows = new java.util.ArrayList<>();
            while (r.next()) {
                List<String> row = new java.util.ArrayList<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.add(r.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
