package io.jobdrop.pipeline;

import io.jobdrop.testing.BacalhauDouble;
import io.jobdrop.testing.S3ProxyServer;
import org.apache.camel.test.AvailablePortFinder;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two real `jobdrop run` processes on one PostgreSQL ledger, one inbox folder and one bucket (S3Proxy): one of them
 * leads the inbox scan and the bucket listing, both forward; the leader is killed with kill -9 mid-run and the other
 * takes over as its lease expires. Nothing is lost and no job is created twice at the orchestrator.
 */
class ScaleOutProcessTest {

    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final String BUCKET = "scale-jobs";
    private static final int FILES = 3_000;
    private static final int OBJECTS = 1_000;
    private static final Pattern LEADS = Pattern.compile("(\\S+Z) .*leads (inbox|bucket-" + BUCKET + ") ");

    @TempDir
    Path work;

    private final BacalhauDouble orchestrator = BacalhauDouble.started();
    private final S3ProxyServer s3 = S3ProxyServer.started(BUCKET);
    private final List<JobdropProcess> processes = new ArrayList<>();
    private String schema;

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (JobdropProcess process : processes) {
            process.close();
        }
        orchestrator.close();
        s3.close();
        if (schema != null) {
            PostgresPipelineTest.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    @Timeout(value = 12, unit = TimeUnit.MINUTES) // 3 min here, 5 or more in a CI run that shares the machine
    void two_runs_share_the_work_and_the_survivor_takes_over_the_inbox_and_bucket_when_the_leader_is_killed()
            throws Exception {
        schema = "scale_" + UUID.randomUUID().toString().replace("-", "");
        PostgresPipelineTest.execute("CREATE SCHEMA " + schema);
        String db = PostgresPipelineTest.SERVER + "?currentSchema=" + schema;
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Path staging = Files.createDirectories(work.resolve("staging"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            String name = i % 50 == 49 ? "broken-" + i : "file-" + i;
            Files.writeString(staging.resolve(name + ".yaml"), name.startsWith("broken")
                    ? "Name: " + name + "\nType: batch\n" : PipelineTestSupport.job(name));
            if (!name.startsWith("broken")) {
                names.add(name);
            }
        }

        JobdropProcess first = start(inbox, db);
        awaitOrExplain(Duration.ofSeconds(30), () -> leaderOf(first, "inbox") != null, first::logText);
        JobdropProcess second = start(inbox, db);
        for (int i = 0; i < OBJECTS; i++) {
            s3.put(BUCKET, "inbox/object-" + i + ".yaml", PipelineTestSupport.job("object-" + i));
            names.add("object-" + i);
        }
        try (Stream<Path> files = Files.list(staging)) {
            for (Path file : files.toList()) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
        }
        assertThat(leaderOf(second, "inbox")).as("the first instance leads; the second waits").isNull();

        await().atMost(Duration.ofSeconds(240)).until(() -> names(inbox.resolve(".done")).size() >= FILES / 5);
        Instant killed = Instant.now();
        first.kill();

        awaitOrExplain(Duration.ofSeconds(60), () -> leaderOf(second, "inbox") != null
                && leaderOf(second, "bucket-" + BUCKET) != null, () -> second.logText());
        Instant tookOver = leaderOf(second, "inbox");
        assertThat(tookOver).as("the second led only once the first was dead").isAfter(killed);
        System.out.println("ScaleOutProcessTest: took over " + Duration.between(killed, tookOver).toMillis()
                + " ms after kill -9, lease " + LEASE.toMillis() + " ms");
        // the survivor tries as the dead leader's lease ends: within the lease, and a little for a crowded machine
        assertThat(Duration.between(killed, tookOver)).as("take-over after kill -9, lease " + LEASE)
                .isLessThan(LEASE.plusSeconds(2));

        int valid = names.size();
        awaitOrExplain(Duration.ofSeconds(360), () -> orchestrator.jobs().size() == valid
                && names(inbox).isEmpty() && s3.keys(BUCKET, "inbox/").isEmpty(), () -> "orchestrator "
                + orchestrator.jobs().size() + " of " + valid + ", inbox " + names(inbox).size() + ", bucket "
                + s3.keys(BUCKET, "inbox/").size() + "\n" + second.logText());
        assertThat(names(inbox.resolve(".done"))).hasSize(FILES - FILES / 50);
        assertThat(names(inbox.resolve(".error"))).as("each rejected file and its report").hasSize(2 * (FILES / 50));
        assertThat(s3.keys(BUCKET, "done/")).hasSize(OBJECTS);
        for (String name : names) {
            assertThat(orchestrator.createdCount(name)).as(name + " created once").isEqualTo(1);
        }
        assertThat(second.logText()).as("files the dead leader recorded but did not file are just filed, never"
                + " failed as a ledger outage").doesNotContain("duplicate key");
    }

    /** When {@code process} last logged that it leads {@code namespace}, or null if it never did. */
    private static Instant leaderOf(JobdropProcess process, String namespace) {
        Instant last = null;
        for (String line : process.logText().split("\n")) {
            Matcher m = LEADS.matcher(line);
            if (m.find() && m.group(2).equals(namespace)) {
                last = Instant.parse(m.group(1));
            }
        }
        return last;
    }

    private JobdropProcess start(Path inbox, String db) {
        int port = AvailablePortFinder.getNextAvailable(18600, 18699);
        List<String> args = List.of("--inbox", inbox.toString(), "--db", db, "--orchestrator", orchestrator.url(),
                "--bucket", BUCKET, "--s3-endpoint", s3.endpoint());
        Map<String, String> env = new HashMap<>(Map.of("JOBDROP_INBOX_STABLE_MS", "0",
                "JOBDROP_FORWARD_POLL_MS", "50", "JOBDROP_FORWARD_LEASE", "5s",
                "JOBDROP_FORWARD_BACKOFF_INITIAL", "20ms", "JOBDROP_FORWARD_BACKOFF_MAX", "200ms",
                "JOBDROP_DB_USER", "postgres", "JOBDROP_CLUSTER_LEASE", LEASE.toSeconds() + "s",
                "JOBDROP_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY, "JOBDROP_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY,
                "JOBDROP_S3_POLL_MS", "100"));
        JobdropProcess process = new JobdropProcess(args, env, work.resolve("jobdrop-" + port + ".log"), port);
        processes.add(process);
        try {
            return process.start(Duration.ofSeconds(180)); // a JVM start takes minutes on a crowded machine
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not healthy in time:\n" + process.logText(), e);
        }
    }

    private static void awaitOrExplain(Duration atMost, Callable<Boolean> condition, Supplier<String> explanation) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(explanation.get(), e);
        }
    }

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
