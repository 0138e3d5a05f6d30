package io.jobdrop.pipeline;

import io.jobdrop.app.JobdropConfiguration;
import io.jobdrop.intake.InboxScheduler;
import io.jobdrop.store.DeliveryState;
import io.jobdrop.store.JobLedger;
import io.jobdrop.store.JobSummary;
import io.jobdrop.testing.BacalhauDouble;
import io.jobdrop.testing.Corpus;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real routes and beans in a Camel Main context, against a real inbox folder, a real ledger database and a real
 * HTTP orchestrator double. Subclasses pick the database. Settings are tightened (fast polls, short backoff) so
 * retries happen within a test's patience; behaviour is the product's.
 */
abstract class PipelineTestSupport extends CamelMainTestSupport {

    static final Path CORPUS = Corpus.dir();

    // CamelTestSupport reads the properties from its constructor, before field initializers would run: these are
    // created on first use instead (and must have no initializer, which would overwrite them afterwards).
    Path work;
    Path inbox;
    BacalhauDouble orchestrator;

    private void createFixtures() {
        if (work == null) {
            work = tempDir();
            inbox = work.resolve("inbox");
            createDirectories(inbox);
            orchestrator = BacalhauDouble.started();
        }
    }

    /** The JDBC URL of a fresh, empty ledger for this test. */
    abstract String databaseUrl();

    String databaseUser() {
        return "sa";
    }

    /** The password jobdrop opened the ledger with: an H2 file ledger's generated one, from the file beside it. */
    String databasePassword() {
        String url = databaseUrl();
        if (!url.startsWith("jdbc:h2:file:")) {
            return "";
        }
        Path file = Path.of(url.substring("jdbc:h2:file:".length()).split(";")[0] + ".password");
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one statement on the ledger from outside jobdrop, as another instance would; asserts it changed one row. */
    void updateOneRow(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl(), databaseUser(), databasePassword());
             PreparedStatement update = c.prepareStatement(sql)) {
            assertThat(update.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    /** Per-test tweaks on top of the defaults below. */
    void tune(Properties p) {
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.addConfiguration(JobdropConfiguration.class);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        createFixtures();
        Properties p = new Properties();
        p.put("jobdrop.inbox", inbox.toString());
        p.put("jobdrop.inbox.stable-ms", "0");
        p.put("jobdrop.inbox.poll-ms", "20");
        p.put("jobdrop.db.url", databaseUrl());
        p.put("jobdrop.db.user", databaseUser());
        p.put("jobdrop.db.password", "");
        p.put("jobdrop.orchestrator.url", orchestrator.url());
        p.put("jobdrop.orchestrator.timeout-ms", "2000");
        p.put("jobdrop.forward.poll-ms", "25");
        p.put("jobdrop.forward.backoff-initial", "20ms");
        p.put("jobdrop.forward.backoff-max", "200ms");
        p.put("jobdrop.forward.max-attempts", "200"); // about 30 s of outage before a dead letter at these speeds
        p.put("jobdrop.forward.auth-pause", "300ms");
        p.put("jobdrop.forward.lease", "5s");
        // below the ephemeral range (32768-60999): a port the OS picked for a probe can be handed next to H2's
        // AUTO_SERVER, which opens between this choice and the API server's bind (seen once in CI)
        p.put("jobdrop.api.port", Integer.toString(AvailablePortFinder.getNextAvailable(18700, 18999)));
        tune(p);
        return p;
    }

    /**
     * The inbox route starts once this instance has taken the lead and the context has started, so a test that times
     * intake from its first drop waits for the first scan; one whose inbox is never scanned goes on.
     */
    @BeforeEach
    void awaitFirstInboxScan() {
        InboxScheduler scheduler = context.getRegistry().lookupByNameAndType("inboxScheduler", InboxScheduler.class);
        if (scheduler == null) {
            return;
        }
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.scans() > 0);
        } catch (ConditionTimeoutException notScanning) {
            // the test's own checks say what is wrong, if anything is
        }
    }

    @AfterEach
    void stopOrchestrator() {
        orchestrator.close();
    }

    JobLedger ledger() {
        return context.getRegistry().lookupByNameAndType("ledger", JobLedger.class);
    }

    /** Drops a file the way careful writers do: written under a hidden name, then renamed in. */
    Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #drop(String, String)} of bytes that need not be UTF-8. */
    Path drop(String name, byte[] content) {
        return dropInto(inbox, name, content);
    }

    /**
     * {@link #drop(String, String)} into any inbox, for tests that run jobdrop as a process. A file written in place
     * can be scanned while still empty when {@code stable-ms} is 0, and filed as bad: tests drop whole files.
     */
    static Path dropInto(Path inbox, String name, String content) {
        return dropInto(inbox, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path dropInto(Path inbox, String name, byte[] content) {
        try {
            Path hidden = inbox.resolve("." + name + ".part");
            Files.write(hidden, content);
            return Files.move(hidden, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dropCorpus(String corpusFile) {
        try {
            return drop(corpusFile, Files.readString(CORPUS.resolve(corpusFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String job(String name) {
        return job(name, "echo hello");
    }

    static String job(String name, String command) {
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

    List<String> filesIn(String folder) {
        Path dir = inbox.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> waitingInInbox() {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JobSummary ledgerJob(String name) {
        return ledger().listJobs(null, 100_000).stream().filter(j -> j.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no job named " + name + " in the ledger"));
    }

    void awaitDelivery(String name, DeliveryState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger().listJobs(null, 100_000).stream()
                .anyMatch(j -> j.name().equals(name) && j.delivery() == state));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("jobdrop-pipeline-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
