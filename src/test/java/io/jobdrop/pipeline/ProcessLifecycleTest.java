package io.jobdrop.pipeline;

import io.jobdrop.cli.Jobdrop;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.JobSummary;
import io.jobdrop.store.LedgerDatabase;
import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** jobdrop as a real process: killed hard mid-run, stopped with SIGTERM, inspected from another process. */
class ProcessLifecycleTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private String schema;

    @AfterEach
    void cleanUp() {
        orchestrator.close();
        if (schema != null) {
            PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void loses_and_duplicates_nothing_when_killed_hard_mid_run(String database) throws Exception {
        String db = database(database);
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        List<String> names = IntStream.range(0, 300).mapToObj(i -> "crash-" + i).toList();
        names.forEach(name -> drop(inbox, name));
        orchestrator.delay(Duration.ofMillis(5));

        try (JobdropProcess first = jobdrop(inbox, db).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> orchestrator.acceptedCount() >= 60);
            first.kill();
        }
        assertThat(orchestrator.acceptedCount()).isLessThan(300);

        orchestrator.delay(Duration.ZERO);
        try (JobdropProcess second = jobdrop(inbox, db).start()) {
            awaitOrExplain(Duration.ofSeconds(90), () -> orchestrator.jobs().size() == 300
                    && files(inbox.resolve(".done")).size() == 300, () -> "orchestrator has " + orchestrator.jobs().size()
                    + " jobs, .done " + files(inbox.resolve(".done")).size() + ", inbox " + files(inbox) + "\n"
                    + second.logText());
            names.forEach(name -> assertThat(orchestrator.createdCount(name)).as(name).isEqualTo(1));
            try (var ds = LedgerDatabase.open(db, user(database), "")) {
                JobLedger ledger = new JobLedger(ds, Clock.systemUTC(), "test");
                awaitOrExplain(Duration.ofSeconds(30), () -> ledger.listJobs(null, 1000).stream()
                        .filter(j -> j.delivery() == DeliveryState.SUBMITTED).count() == 300,
                        () -> "not submitted: " + ledger.listJobs(null, 1000).stream()
                                .filter(j -> j.delivery() != DeliveryState.SUBMITTED).toList() + "\n" + second.logText());
                assertThat(ledger.listJobs(null, 1000)).extracting(JobSummary::version).containsOnly(1L);
            }
            assertThat(files(inbox)).isEmpty();
        }
    }

    @Test
    void drains_and_exits_zero_on_sigterm() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        JobdropProcess jobdrop = jobdrop(inbox, database("h2")).start();
        IntStream.range(0, 20).forEach(i -> drop(inbox, "term-" + i));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.acceptedCount() >= 1);

        assertThat(jobdrop.terminate()).as(jobdrop.logText()).isZero();
        assertThat(files(inbox)).as("files left in the inbox are taken on the next start, never lost").allMatch(n -> n.startsWith("term-"));
    }

    @Test
    void the_ledger_commands_work_while_run_is_running() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String db = database("h2");
        orchestrator.rejectNames("inspect-refused");
        try (JobdropProcess running = jobdrop(inbox, db).start()) {
            drop(inbox, "inspect-ok");
            drop(inbox, "inspect-refused");
            await().atMost(Duration.ofSeconds(30)).until(() -> cli("jobs", "--db", db, "--state", "dead").contains("inspect-refused"));

            assertThat(cli("jobs", "--db", db, "--json")).contains("\"name\":\"inspect-ok\"");
            assertThat(cli("show", "--db", db, "inspect-refused")).contains("dead").contains("HTTP 400");

            orchestrator.clearFaults();
            assertThat(cli("replay", "--db", db, "inspect-refused")).contains("1 job back in the outbox");
            await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("inspect-refused") == 1);
        }
    }

    /** Waits like Awaitility; on a timeout the failure says what was seen, and what jobdrop logged. */
    private static void awaitOrExplain(Duration atMost, java.util.concurrent.Callable<Boolean> condition,
                                       java.util.function.Supplier<String> explanation) {
        try {
            await().atMost(atMost).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }

    private String database(String kind) {
        if (kind.equals("h2")) {
            return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
        }
        schema = "proc_" + UUID.randomUUID().toString().replace("-", "");
        PostgresPipelineTest.execute("CREATE SCHEMA " + schema);
        return PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
    }

    private static String user(String kind) {
        return kind.equals("h2") ? "sa" : "postgres";
    }

    private JobdropProcess jobdrop(Path inbox, String db) {
        int port = AvailablePortFinder.getNextAvailable(18700, 18999);
        return new JobdropProcess(List.of("--inbox", inbox.toString(), "--db", db, "--orchestrator", orchestrator.url()),
                Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_INBOX_POLL_MS", "20", "JOBDROP_FORWARD_POLL_MS", "50",
                        "JOBDROP_FORWARD_BACKOFF_INITIAL", "20ms", "JOBDROP_FORWARD_BACKOFF_MAX", "200ms",
                        "JOBDROP_FORWARD_LEASE", "2s", "JOBDROP_DB_USER", db.startsWith("jdbc:h2") ? "sa" : "postgres"),
                work.resolve("jobdrop-" + port + ".log"), port);
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = Jobdrop.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        cli.execute(args);
        return out.toString();
    }

    private static void drop(Path inbox, String name) {
        PipelineTestSupport.dropInto(inbox, name + ".yaml", PipelineTestSupport.job(name));
    }

    private static List<String> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
