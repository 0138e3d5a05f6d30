package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduled imports across `jobdrop run` processes on one PostgreSQL ledger: two instances firing the same schedule
 * (each fire runs once), and a restart after several fires were missed (catch-up last: one fire; none: none).
 */
class ImportsProcessTest {

    private record Fire(Instant time, String trigger, String outcome, String claimedBy) {
    }

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private final List<JobdropProcess> processes = new ArrayList<>();
    private String schema;
    private String db;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (JobdropProcess process : processes) {
            process.close();
        }
        orchestrator.close();
        if (schema != null) {
            PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private Path imports(String declarations) throws Exception {
        schema = "imports_" + UUID.randomUUID().toString().replace("-", "");
        PostgresPipelineTest.execute("CREATE SCHEMA " + schema);
        db = PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
        Path imports = Files.createDirectories(work.resolve("imports"));
        Files.createDirectories(imports.resolve("jobs"));
        Files.writeString(imports.resolve("jobs/report.yaml"),
                PipelineTestSupport.job("{{.import_name}}-{{.fire_unix}}", "echo {{.fire_time}}"));
        Files.writeString(imports.resolve("imports.yaml"), declarations);
        return imports;
    }

    @Test
    void two_instances_on_one_postgres_ledger_run_each_fire_exactly_once() throws Exception {
        Path imports = imports("""
                name: shared
                schedule: every 1s
                from: jobs/report.yaml
                """);
        JobdropProcess first = start(imports);
        JobdropProcess second = start(imports);
        awaitOrExplain(Duration.ofSeconds(60), () -> finished("shared").size() >= 12,
                () -> fires("shared") + "\n" + first.logText() + "\n" + second.logText());

        List<Fire> fires = finished("shared");
        assertThat(fires).allMatch(f -> f.outcome().equals("done"));
        // every fire ran on one instance: one "done" line per fire time across both logs
        Map<String, Integer> doneLines = new HashMap<>();
        Matcher m = Pattern.compile("import:shared@(\\S+): done").matcher(first.logText() + second.logText());
        while (m.find()) {
            doneLines.merge(m.group(1), 1, Integer::sum);
        }
        for (Fire fire : fires) {
            assertThat(doneLines.get(fire.time().toString())).as("runs of fire " + fire.time()).isEqualTo(1);
            String job = "shared-" + fire.time().getEpochSecond();
            await().atMost(Duration.ofSeconds(20)).until(() -> orchestrator.createdCount(job) == 1);
        }
        assertThat(orchestrator.submissions()).filteredOn(r -> r.jobName() != null && r.jobName().startsWith("shared-"))
                .extracting(r -> r.jobName()).doesNotHaveDuplicates();
        // both schedulers tick every second and race for each fire; which one wins is not fixed, only that one does
        assertThat(fires.stream().map(Fire::claimedBy).distinct().count()).as("fires ran on both instances")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_restart_after_missed_fires_catches_up_once_with_last_and_not_at_all_with_none() throws Exception {
        Path imports = imports("""
                - name: last
                  schedule: every 2s
                  from: jobs/report.yaml
                - name: none
                  schedule: every 2s
                  catch-up: none
                  from: jobs/report.yaml
                """);
        JobdropProcess first = start(imports);
        awaitOrExplain(Duration.ofSeconds(60), () -> !finished("last").isEmpty() && !finished("none").isEmpty(),
                () -> fires("last") + "\n" + first.logText());
        assertThat(first.terminate()).isZero();
        Instant stopped = Instant.now();
        Instant lastBefore = latest("last");
        Instant noneBefore = latest("none");
        // jobdrop is down over several fires of both (every 2 s): this is the outage being tested, not a wait
        Thread.sleep(7_000);

        JobdropProcess again = start(imports);
        Instant started = Instant.now();
        awaitOrExplain(Duration.ofSeconds(30), () -> fires("last").stream().anyMatch(f -> f.trigger().equals("catch-up")
                && f.outcome() != null), () -> fires("last") + "\n" + again.logText());

        List<Fire> caughtUp = fires("last").stream().filter(f -> f.trigger().equals("catch-up")).toList();
        assertThat(caughtUp).as("catch-up last: one fire for the missed ones").hasSize(1);
        Instant catchUpTime = caughtUp.get(0).time();
        assertThat(catchUpTime).isAfter(lastBefore.plusSeconds(2)).isBefore(started);
        assertThat(fires("last")).filteredOn(f -> f.time().isAfter(lastBefore) && f.time().isBefore(catchUpTime))
                .as("the older missed fires are not run").isEmpty();
        assertThat(orchestrator.createdCount("last-" + catchUpTime.getEpochSecond())).isLessThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                orchestrator.createdCount("last-" + catchUpTime.getEpochSecond()) == 1);

        assertThat(fires("none")).filteredOn(f -> f.trigger().equals("catch-up")).as("catch-up none").isEmpty();
        assertThat(fires("none")).filteredOn(f -> f.time().isAfter(noneBefore) && f.time().isBefore(stopped
                .plusSeconds(7))).as("no fire of none while it was down").isEmpty();
    }

    private Instant latest(String name) {
        return fires(name).stream().map(Fire::time).max(Instant::compareTo).orElseThrow();
    }

    private List<Fire> finished(String name) {
        return fires(name).stream().filter(f -> f.outcome() != null).toList();
    }

    private List<Fire> fires(String name) {
        try (Connection c = DriverManager.getConnection(db, "postgres", "");
             PreparedStatement s = c.prepareStatement("SELECT fire_time, trigger_kind, outcome, claimed_by"
                     + " FROM import_fires WHERE import_name = ? ORDER BY fire_time")) {
            s.setString(1, name);
            List<Fire> fires = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    fires.add(new Fire(r.getObject(1, OffsetDateTime.class).toInstant(), r.getString(2),
                            r.getString(3), r.getString(4)));
                }
            }
            return fires;
        } catch (SQLException e) {
            return List.of(); // not migrated yet
        }
    }

    private JobdropProcess start(Path imports) {
        int port = AvailablePortFinder.getNextAvailable(18400, 18499);
        List<String> args = List.of("--inbox", work.resolve("inbox").toString(), "--db", db, "--orchestrator",
                orchestrator.url());
        Map<String, String> env = new HashMap<>(Map.of("JOBDROP_IMPORTS_DIR", imports.toString(),
                "JOBDROP_IMPORTS_POLL_MS", "200", "JOBDROP_FORWARD_POLL_MS", "50", "JOBDROP_DB_USER", "postgres"));
        JobdropProcess process = new JobdropProcess(args, env, work.resolve("jobdrop-" + port + ".log"), port);
        processes.add(process);
        return process.start();
    }

    private static void awaitOrExplain(Duration atMost, Callable<Boolean> condition, Supplier<String> explanation) {
        try {
            await().atMost(atMost).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }
}
