package io.jobdrop.intake.imports;

import com.zaxxer.hikari.HikariDataSource;
import io.jobdrop.ingest.JobDefaults;
import io.jobdrop.ingest.JobFileReader;
import io.jobdrop.ingest.Stamper;
import io.jobdrop.intake.IntakeLog;
import io.jobdrop.intake.JobFileIntake;
import io.jobdrop.app.Outages;
import io.jobdrop.store.ImportFire;
import io.jobdrop.store.ImportLedger;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.LedgerDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fire runner against a real H2 ledger, on a clock the test moves: catch-up after missed fires, a fire left
 * unfinished by a crashed instance, a source that is unreachable, and ledger rows that make each fire run once.
 */
class ImportRunnerTest {

    /** A clock the test sets; the runner reads it for leases, retries and catch-up. */
    static final class TestClock extends Clock {
        volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    private HikariDataSource dataSource;
    private JobLedger ledger;

    @AfterEach
    void close() throws Exception {
        if (ledger != null) {
            ledger.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private ImportRunner runner(String declarations, String instance) throws Exception {
        Path imports = Files.createDirectories(dir.resolve("imports"));
        Files.createDirectories(imports.resolve("jobs"));
        Files.writeString(imports.resolve("jobs/job.yaml"), """
                Name: {{.import_name}}-{{.fire_unix}}
                Type: batch
                Tasks:
                  - Name: main
                    Engine: {Type: docker, Params: {Image: "ubuntu:24.04"}}
                """);
        Files.writeString(imports.resolve("imports.yaml"), declarations);
        if (dataSource == null) {
            dataSource = LedgerDatabase.open("jdbc:h2:file:" + dir.resolve("ledger"), "sa", "");
            ledger = new JobLedger(dataSource, clock, "test");
        }
        JobFileReader reader = new JobFileReader(true, Map.of(), new Stamper(clock, UUID::randomUUID),
                JobDefaults.BACALHAU);
        JobFileIntake intake = new JobFileIntake(reader, ledger, new IntakeLog(), Runnable::run);
        ImportCatalog catalog = ImportCatalog.load(imports, true);
        assertThat(catalog.problems()).isEmpty();
        return new ImportRunner(catalog, fires(instance), reader, intake,
                new ImportStatus(new Outages(), new SimpleMeterRegistry()), clock,
                new ImportSettings("", Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofSeconds(10),
                        Duration.ofMinutes(1)));
    }

    private ImportLedger fires(String instance) {
        return new ImportLedger(dataSource, clock, instance);
    }

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void runs_a_scheduled_fire_once_however_many_instances_are_told_of_it() throws Exception {
        ImportRunner a = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        ImportRunner b = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "b");

        assertThat(a.scheduled("hourly", at("2026-03-01T10:00:00Z"))).isTrue();
        assertThat(b.scheduled("hourly", at("2026-03-01T10:00:00.150Z"))).as("same tick, later").isFalse();

        ImportFire fire = fires("x").fires("hourly", 10).get(0);
        assertThat(fire.outcome()).isEqualTo("done");
        assertThat(fire.claimedBy()).isEqualTo("a");
        assertThat(fire.run()).isEqualTo(1);
        assertThat(fire.jobs()).contains("hourly-" + Instant.parse("2026-03-01T10:00:00Z").getEpochSecond());
        assertThat(ledger.show("hourly-1772359200").orElseThrow().versions().get(0).source())
                .isEqualTo("import:hourly@2026-03-01T10:00:00Z");
    }

    @Test
    void a_late_tick_runs_the_fire_of_the_schedule_time_before_it_not_one_of_its_own() throws Exception {
        ImportRunner a = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        ImportRunner b = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "b");

        assertThat(a.scheduled("hourly", at("2026-03-01T10:00:00Z"))).isTrue();
        // Quartz fires a misfired tick "now": still the 10:00 fire, which has run
        assertThat(b.scheduled("hourly", at("2026-03-01T10:00:07Z"))).isFalse();
        assertThat(b.scheduled("hourly", at("2026-03-01T10:59:59.999Z"))).isFalse();

        assertThat(fires("x").fires("hourly", 10)).extracting(f -> f.fireTime().toString())
                .containsExactly("2026-03-01T10:00:00Z");
    }

    @Test
    void catches_up_once_with_last_never_with_none_and_every_missed_fire_up_to_the_bound_with_all()
            throws Exception {
        ImportRunner runner = runner("""
                - {name: last, schedule: every 1m, from: jobs/job.yaml}
                - {name: none, schedule: every 1m, from: jobs/job.yaml, catch-up: none}
                - {name: all, schedule: every 1m, from: jobs/job.yaml, catch-up: all}
                """, "a");
        for (String name : List.of("last", "none", "all")) {
            assertThat(runner.scheduled(name, at("2026-03-01T10:00:00Z"))).isTrue();
        }
        String declarations = """
                - {name: last, schedule: every 1m, from: jobs/job.yaml}
                - {name: none, schedule: every 1m, from: jobs/job.yaml, catch-up: none}
                - {name: all, schedule: every 1m, from: jobs/job.yaml, catch-up: all}
                """;
        clock.now = Instant.parse("2026-03-01T10:05:30Z"); // down over five fires
        runner = runner(declarations, "a"); // the restart
        // the restarted schedule may tick before the catch-up runs: its fires are not missed ones
        clock.now = Instant.parse("2026-03-01T10:06:00.200Z");
        assertThat(runner.scheduled("last", at("2026-03-01T10:06:00Z"))).isTrue();

        runner.catchUp();

        assertThat(fires("x").fires("last", 10)).extracting(f -> f.fireTime().toString())
                .containsExactly("2026-03-01T10:06:00Z", "2026-03-01T10:05:00Z", "2026-03-01T10:00:00Z");
        assertThat(fires("x").fires("last", 10).get(1).trigger()).isEqualTo(ImportLedger.CATCH_UP);
        assertThat(fires("x").fires("none", 10)).hasSize(1);
        assertThat(fires("x").fires("all", 10)).extracting(f -> f.fireTime().toString()).containsExactly(
                "2026-03-01T10:05:00Z", "2026-03-01T10:04:00Z", "2026-03-01T10:03:00Z", "2026-03-01T10:02:00Z",
                "2026-03-01T10:01:00Z", "2026-03-01T10:00:00Z");

        runner = runner(declarations, "a");
        runner.catchUp();
        assertThat(fires("x").fires("all", 100)).as("a second start runs only what it missed: 10:06").hasSize(7);
        assertThat(fires("x").fires("all", 1).get(0).fireTime()).isEqualTo(Instant.parse("2026-03-01T10:06:00Z"));

        clock.now = Instant.parse("2026-03-01T15:00:30Z"); // down for 294 fires
        runner = runner(declarations, "a");
        runner.catchUp();
        assertThat(fires("x").fires("all", 1000)).hasSize(7 + ImportCatalog.CATCH_UP_BOUND);
        assertThat(fires("x").fires("all", 1).get(0).fireTime()).isEqualTo(Instant.parse("2026-03-01T15:00:00Z"));
    }

    @Test
    void finishes_a_fire_whose_instance_died_once_its_lease_has_passed_without_recording_its_units_twice()
            throws Exception {
        ImportRunner survivor = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "b");
        Instant fireTime = Instant.parse("2026-03-01T10:00:00Z");
        // the crashed instance claimed the fire and recorded its job, then died before finishing the fire
        assertThat(fires("a").claim("hourly", fireTime, ImportLedger.SCHEDULED, clock.now.plusSeconds(120))).isTrue();
        ImportRunner crashed = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        assertThat(survivor.runDue()).as("lease still held").isZero();

        clock.now = clock.now.plusSeconds(121);
        assertThat(survivor.runDue()).isEqualTo(1);

        ImportFire fire = fires("x").fires("hourly", 1).get(0);
        assertThat(fire.outcome()).isEqualTo("done");
        assertThat(fire.claimedBy()).isEqualTo("b");
        assertThat(ledger.listJobs(null, 10)).hasSize(1);
        assertThat(crashed.runDue()).isZero();
    }

    @Test
    void a_fire_run_again_after_being_cut_short_lists_the_units_it_recorded_before() throws Exception {
        ImportRunner runner = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        assertThat(runner.scheduled("hourly", at("2026-03-01T10:00:00Z"))).isTrue();
        String jobs = fires("x").fires("hourly", 1).get(0).jobs();
        assertThat(jobs).contains("hourly-1772359200");
        // cut short after its units were recorded: the fire is unfinished again, its lease passed
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE import_fires SET outcome = NULL, finished_at = NULL, jobs = NULL, accepted = 0");
        }
        clock.now = clock.now.plusSeconds(121);

        assertThat(runner.runDue()).isEqualTo(1);

        ImportFire again = fires("x").fires("hourly", 1).get(0);
        assertThat(again.outcome()).isEqualTo("done");
        assertThat(again.accepted()).isEqualTo(1);
        assertThat(again.jobs()).as("the job recorded the first time, not an empty list").isEqualTo(jobs);
        assertThat(ledger.listJobs(null, 10)).hasSize(1);
    }

    @Test
    void polls_only_the_fires_of_its_own_imports_in_a_shared_ledger() throws Exception {
        ImportRunner runner = runner("{name: mine, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        ImportLedger shared = fires("b");
        // another instance's imports, requested earlier than ours: more than one poll takes
        for (int i = 0; i < 25; i++) {
            assertThat(shared.request("theirs-" + i, clock.now.minusSeconds(60))).isTrue();
        }
        assertThat(shared.request("mine", clock.now)).isTrue();

        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(fires("x").fires("mine", 1).get(0).outcome()).isEqualTo("done");
        assertThat(fires("x").fires("theirs-0", 1).get(0).outcome()).as("left to their instance").isNull();
    }

    @Test
    void numbers_runs_from_an_index_on_import_and_run() throws Exception {
        ImportRunner runner = runner("{name: hourly, schedule: '0 0 * * * ?', from: jobs/job.yaml}", "a");
        assertThat(runner.scheduled("hourly", at("2026-03-01T10:00:00Z"))).isTrue();
        assertThat(runner.scheduled("hourly", at("2026-03-01T11:00:00Z"))).isTrue();
        assertThat(fires("x").fires("hourly", 10)).extracting(ImportFire::run).containsExactly(2L, 1L);
        // the claim's MAX(run) per import reads this index instead of every fire the import had
        try (Connection c = dataSource.getConnection();
             var indexes = c.getMetaData().getIndexInfo(null, null, "IMPORT_FIRES", false, false)) {
            List<String> columns = new java.util.ArrayList<>();
            while (indexes.next()) {
                if ("IMPORT_FIRES_RUN_IDX".equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                    columns.add(indexes.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(columns).containsExactly("import_name", "run");
        }
    }

    @Test
    void retries_an_unreachable_source_with_backoff_until_the_next_fire_is_due() throws Exception {
        ImportRunner runner = runner("{name: missing, schedule: '0 0 * * * ?', from: jobs/not-there.yaml}", "a");
        assertThat(runner.scheduled("missing", at("2026-03-01T10:00:00Z"))).isTrue();
        ImportFire waiting = fires("x").fires("missing", 1).get(0);
        assertThat(waiting.outcome()).isNull();
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.detail()).contains("not-there.yaml does not exist");
        assertThat(waiting.leaseUntil()).isEqualTo(clock.now.plusSeconds(10));

        assertThat(runner.runDue()).as("not due before its backoff").isZero();
        clock.now = clock.now.plusSeconds(10);
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(fires("x").fires("missing", 1).get(0).leaseUntil()).as("doubled")
                .isEqualTo(clock.now.plusSeconds(20));

        Files.writeString(dir.resolve("imports/jobs/not-there.yaml"), "Name: late\nType: batch\nTasks: [{Name: t,"
                + " Engine: {Type: docker, Params: {Image: x}}}]\n");
        clock.now = clock.now.plusSeconds(20);
        assertThat(runner.runDue()).isEqualTo(1);
        assertThat(fires("x").fires("missing", 1).get(0).outcome()).isEqualTo("done");
        assertThat(ledger.listJobs(null, 10)).extracting(j -> j.name()).containsExactly("late");
    }

    @Test
    void gives_up_on_an_unreachable_source_when_the_next_fire_is_due() throws Exception {
        ImportRunner runner = runner("{name: gone, schedule: every 30s, from: jobs/not-there.yaml}", "a");
        runner.scheduled("gone", at("2026-03-01T10:00:00Z"));
        clock.now = clock.now.plusSeconds(10);
        runner.runDue(); // next retry would be at +30 s: the next fire's time
        ImportFire fire = fires("x").fires("gone", 1).get(0);
        assertThat(fire.outcome()).isEqualTo("unreachable");
        assertThat(fire.detail()).contains("does not exist");
    }
}
