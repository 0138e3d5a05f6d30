package io.jobdrop.pipeline;

import io.jobdrop.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The H2 ledger's volume fills up (a small tmpfs the test mounts) and is freed again: health names the cause, nothing
 * is lost, and jobdrop recovers by itself, without a restart.
 */
class FullLedgerVolumeTest extends PipelineTestSupport {

    private Path volume; // mounted on first use: the base class asks for the URL before initializers run

    @BeforeAll
    static void needsRootToMount() {
        assumeThat(System.getProperty("user.name")).as("skipped: mounting a tmpfs for the ledger needs root")
                .isEqualTo("root");
    }

    @Override
    String databaseUrl() {
        volume = work.resolve("ledger-volume");
        try {
            Files.createDirectories(volume);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // room for the ledger to keep growing once the filler is gone (3 MB was filled again by the test's own jobs)
        String failure = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", volume.toString());
        assumeThat(failure).as("skipped: cannot mount a tmpfs here: %s", failure).isNull();
        return "jdbc:h2:file:" + volume.resolve("jobdrop");
    }

    @AfterEach
    void unmount() {
        context.stop();
        if (volume != null) {
            run("umount", "-l", volume.toString());
        }
    }

    @Test
    void recovers_by_itself_when_space_returns_after_the_ledger_volume_was_full() throws Exception {
        drop("before.yaml", job("before"));
        awaitDelivery("before", io.jobdrop.store.DeliveryState.SUBMITTED);

        try (LogCapture log = LogCapture.start()) {
            Path filler = fill(volume.resolve("filler"));
            List<String> during = IntStream.range(0, 40).mapToObj(i -> "during-" + i).toList();
            during.forEach(name -> drop(name + ".yaml", job(name, "echo " + "x".repeat(4000))));

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                HttpResponse<String> health = health();
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(health.body()).containsPattern("ledger (refuses writes|database unreachable|writer)");
            });
            assertThat(filesIn(".error")).isEmpty();

            Files.delete(filler);
            await().atMost(Duration.ofSeconds(90)).until(() -> during.stream().allMatch(name ->
                    orchestrator.createdCount(name) == 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> health().statusCode() == 200);
            // the inbox lease lapsed during the outage: files are filed once it is taken back, about a second later
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingInInbox().isEmpty());
            assertThat(filesIn(".error")).isEmpty();
            assertThat(log.text()).doesNotContain("\tat ");
        }
    }

    /** Writes until the volume is full, to the last byte; the file is what to delete to free it. */
    private static Path fill(Path filler) throws IOException {
        byte[] chunk = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
        return filler;
    }

    private HttpResponse<String> health() throws IOException, InterruptedException {
        String port = context.resolvePropertyPlaceholders("{{jobdrop.api-port}}");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/observe/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @return null when the command succeeded, else what it said */
    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : out.strip();
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
