package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import org.apache.camel.test.AvailablePortFinder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** `jobdrop run` as real processes sharing one inbox: with one ledger, with two, and with hostile files under -Xmx256m. */
class SharedInboxProcessTest {

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private final List<JobdropProcess> processes = new ArrayList<>();
    private String schema;

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

    @Test
    void two_runs_on_one_inbox_and_one_postgres_ledger_file_every_file_exactly_once() throws Exception {
        schema = "shared_" + UUID.randomUUID().toString().replace("-", "");
        PostgresPipelineTest.execute("CREATE SCHEMA " + schema);
        String db = PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        List<String> valid = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "shared-" + i + ".yaml";
            if (i % 10 == 9) {
                Files.writeString(staging.resolve(name), "Name: broken-" + i + "\nType: batch\n");
                rejected.add(name);
            } else if (i % 10 == 8) {
                Files.writeString(staging.resolve(name), PipelineTestSupport.job("x").replace("Name: x\n", ""));
                valid.add(name); // nameless: a second ledger would submit it a second time
            } else {
                Files.writeString(staging.resolve(name), PipelineTestSupport.job("shared-" + i));
                valid.add(name);
            }
        }

        JobdropProcess first = start(inbox, db, "postgres");
        JobdropProcess second = start(inbox, db, "postgres");
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
        }

        awaitOrExplain(Duration.ofSeconds(120), () -> names(inbox.resolve(".done")).size() == valid.size()
                && names(inbox.resolve(".error")).size() == 2 * rejected.size()
                && orchestrator.jobs().size() == valid.size(), () -> "done " + names(inbox.resolve(".done")).size()
                + ", error " + names(inbox.resolve(".error")).size() + ", orchestrator " + orchestrator.jobs().size()
                + ", inbox " + names(inbox) + "\n" + first.logText() + "\n" + second.logText());

        assertThat(names(inbox)).as("nothing left in the inbox").isEmpty();
        assertThat(names(inbox.resolve(".done"))).containsExactlyInAnyOrderElementsOf(valid);
        List<String> expectedErrors = new ArrayList<>(rejected);
        rejected.forEach(name -> expectedErrors.add(name + ".error.json"));
        assertThat(names(inbox.resolve(".error"))).containsExactlyInAnyOrderElementsOf(expectedErrors);
        assertThat(orchestrator.jobs()).hasSize(valid.size());
        for (int i = 0; i < 300; i++) {
            if (i % 10 < 8) {
                assertThat(orchestrator.createdCount("shared-" + i)).as("shared-" + i).isEqualTo(1);
            }
        }
        Thread.sleep(500); // nothing is sent late, twice
        assertThat(orchestrator.submissions()).as("each job sent once").hasSize(valid.size());
        assertThat(first.logText() + second.logText()).doesNotContain("moving it");
    }

    @Test
    void refuses_a_run_on_an_inbox_served_by_another_ledger_until_told_to_take_it_over() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        String firstLedger = "jdbc:h2:file:" + work.resolve("one/data/jobdrop");
        String secondLedger = "jdbc:h2:file:" + work.resolve("two/data/jobdrop");
        JobdropProcess first = start(inbox, firstLedger, "h2");
        PipelineTestSupport.dropInto(inbox, "before.yaml", PipelineTestSupport.job("before"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("before") == 1);
        assertThat(first.terminate()).isZero();

        JobdropProcess refused = process(inbox, secondLedger, "h2", List.of());
        assertThat(refused.startAndAwaitExit(Duration.ofSeconds(60))).isNotZero();
        assertThat(refused.logText()).contains("inbox " + inbox.toAbsolutePath() + " is served by ledger")
                .contains(work.resolve("one/data/jobdrop").toString())
                .contains(work.resolve("two/data/jobdrop").toString())
                .contains("--take-over-inbox");

        JobdropProcess takeOver = process(inbox, secondLedger, "h2", List.of("--take-over-inbox")).start();
        PipelineTestSupport.dropInto(inbox, "after.yaml", PipelineTestSupport.job("after"));
        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("after") == 1);
        assertThat(takeOver.logText()).contains("taken over");
        assertThat(Files.readString(inbox.resolve(".jobdrop-ledger"))).contains(work.resolve("two/data/jobdrop").toString());
    }

    @Test
    void stays_alive_under_256m_with_a_100_mib_file_and_a_1_gib_sparse_file_in_the_inbox() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        byte[] mebibyte = new byte[1 << 20];
        java.util.Arrays.fill(mebibyte, (byte) '#');
        try (var out = Files.newOutputStream(inbox.resolve(".big.part"))) {
            for (int i = 0; i < 100; i++) {
                out.write(mebibyte);
            }
        }
        Files.move(inbox.resolve(".big.part"), inbox.resolve("big.yaml"));
        try (RandomAccessFile sparse = new RandomAccessFile(inbox.resolve("sparse.json").toFile(), "rw")) {
            sparse.setLength(1L << 30);
        }
        JobdropProcess jobdrop = start(inbox, "jdbc:h2:file:" + work.resolve("data/jobdrop"), "h2");
        PipelineTestSupport.dropInto(inbox, "next.yaml", PipelineTestSupport.job("next"));

        awaitOrExplain(Duration.ofSeconds(60), () -> orchestrator.createdCount("next") == 1
                && names(inbox.resolve(".error")).size() == 4, () -> "error " + names(inbox.resolve(".error"))
                + "\n" + jobdrop.logText());
        assertThat(jobdrop.isAlive()).isTrue();
        assertThat(jobdrop.logText()).doesNotContain("OutOfMemoryError");
        assertThat(Files.readString(inbox.resolve(".error/big.yaml.error.json"))).contains("file is 104857600 bytes");
        assertThat(Files.readString(inbox.resolve(".error/sparse.json.error.json"))).contains("file is 1073741824 bytes");
    }

    private JobdropProcess start(Path inbox, String db, String kind) {
        return process(inbox, db, kind, List.of()).start();
    }

    private JobdropProcess process(Path inbox, String db, String kind, List<String> extra) {
        int port = AvailablePortFinder.getNextAvailable(18700, 18999);
        List<String> args = new ArrayList<>(List.of("--inbox", inbox.toString(), "--db", db, "--orchestrator",
                orchestrator.url()));
        args.addAll(extra);
        Map<String, String> env = new HashMap<>(Map.of("JOBDROP_INBOX_STABLE_MS", "0", "JOBDROP_INBOX_POLL_MS", "20",
                "JOBDROP_FORWARD_POLL_MS", "50", "JOBDROP_FORWARD_BACKOFF_INITIAL", "20ms",
                "JOBDROP_FORWARD_BACKOFF_MAX", "200ms", "JOBDROP_DB_USER", kind.equals("h2") ? "sa" : "postgres"));
        JobdropProcess process = new JobdropProcess(args, env, work.resolve("jobdrop-" + port + ".log"), port);
        processes.add(process);
        return process;
    }

    private static void awaitOrExplain(Duration atMost, Callable<Boolean> condition, Supplier<String> explanation) {
        try {
            await().atMost(atMost).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }

    /** Regular files and links, not hidden: what a user sees in the folder. */
    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
