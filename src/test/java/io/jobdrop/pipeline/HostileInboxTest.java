package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import io.jobdrop.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whatever lands in the inbox, intake goes on: entries that are not regular files are left alone with one warning,
 * files jobdrop must not or cannot read are rejected with a report, and the next valid file is delivered as usual.
 */
class HostileInboxTest extends PipelineTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    LogCapture logs; // started on first use, like the fixtures (the properties are read from the constructor)

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        if (logs == null) {
            logs = LogCapture.start();
        }
    }

    @AfterEach
    void stopCapture() {
        context.stop();
        logs.close();
    }

    @Test
    void keeps_both_files_when_the_same_name_is_dropped_twice() {
        drop("twice.yaml", job("twice-a"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("twice.yaml"));
        drop("twice.yaml", job("twice-b"));
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains("twice.1.yaml"));

        awaitDelivery("twice-a", DeliveryState.SUBMITTED);
        awaitDelivery("twice-b", DeliveryState.SUBMITTED);
        assertThat(filesIn(".done")).containsExactly("twice.1.yaml", "twice.yaml");
        assertThat(logs.text()).contains("twice.yaml: filed as .done/twice.1.yaml (that name was taken)");
    }

    @Test
    void leaves_a_fifo_alone_without_blocking_intake() throws Exception {
        run("mkfifo", inbox.resolve("pipe.yaml").toString());
        assertNextValidFileDelivered("after-fifo");
        assertLeftAloneWithOneWarning("pipe.yaml", "not a regular file");
    }

    @Test
    void does_not_follow_a_link_out_of_the_inbox() throws Exception {
        Path secret = Files.writeString(work.resolve("secret.yaml"), "SecretKeyName: hunter2\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(inbox.resolve("secret.yaml"), secret);

        assertNextValidFileDelivered("after-link");
        assertLeftAloneWithOneWarning("secret.yaml", "symbolic link");
        assertThat(filesIn(".error")).isEmpty();
        assertThat(logs.text()).doesNotContain("SecretKeyName");
    }

    @Test
    void leaves_a_link_loop_alone_with_one_warning() throws Exception {
        Files.createSymbolicLink(inbox.resolve("loop.yaml"), inbox.resolve("loop.yaml"));
        assertNextValidFileDelivered("after-loop");
        assertLeftAloneWithOneWarning("loop.yaml", "symbolic link");
    }

    @Test
    void leaves_a_directory_named_like_a_job_file_alone() throws Exception {
        Files.createDirectories(inbox.resolve("folder.yaml"));
        Files.writeString(inbox.resolve("folder.yaml/inner.yaml"), job("inner"));
        assertNextValidFileDelivered("after-folder");
        assertThat(Files.exists(inbox.resolve("folder.yaml/inner.yaml"))).isTrue();
        assertThat(ledger().listJobs(null, 10)).extracting(j -> j.name()).containsExactly("after-folder");
    }

    @Test
    void leaves_a_device_file_alone() throws Exception {
        assumeRoot("creating a device node needs root");
        run("mknod", inbox.resolve("zero.yaml").toString(), "c", "1", "5");
        assertNextValidFileDelivered("after-device");
        assertLeftAloneWithOneWarning("zero.yaml", "not a regular file");
    }

    @Test
    void rejects_a_sparse_1_gib_file_from_its_size_without_reading_it() throws Exception {
        try (RandomAccessFile sparse = new RandomAccessFile(inbox.resolve(".huge.part").toFile(), "rw")) {
            sparse.setLength(1L << 30);
        }
        Files.move(inbox.resolve(".huge.part"), inbox.resolve("huge.yaml"));

        await().atMost(PATIENCE).until(() -> filesIn(".error").contains("huge.yaml.error.json"));
        assertThat(Files.readString(inbox.resolve(".error/huge.yaml.error.json")))
                .contains("\"verdict\":\"rejected\"")
                .contains("file is 1073741824 bytes, more than the limit of 10485760 (jobdrop.limits.file-bytes)");
        assertNextValidFileDelivered("after-huge");
    }

    @Test
    void rejects_a_file_it_may_not_read_with_a_report() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads a file with mode 0000, so permissions cannot make one unreadable here");
        Path locked = drop("locked.yaml", job("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        await().atMost(PATIENCE).until(() -> filesIn(".error").contains("locked.yaml.error.json"));
        assertThat(Files.readString(inbox.resolve(".error/locked.yaml.error.json"))).contains("permission denied");
    }

    @Test
    void files_a_rejected_file_whose_name_leaves_no_room_for_the_report_suffix() throws Exception {
        String name = "r".repeat(245) + ".yaml"; // 250 bytes: <name>.error.json would be 261
        Path hidden = Files.writeString(inbox.resolve(".long.part"), "Name: broken\nType: batch\n");
        Files.move(hidden, inbox.resolve(name));

        await().atMost(PATIENCE).until(() -> filesIn(".error").size() == 2);
        assertThat(filesIn(".error")).contains(name).allMatch(n -> n.getBytes(StandardCharsets.UTF_8).length <= 255);
        String report = filesIn(".error").stream().filter(n -> n.endsWith(".error.json")).findFirst().orElseThrow();
        assertThat(Files.readString(inbox.resolve(".error").resolve(report))).contains("\"file\":\"" + name + "\"");
        assertNextValidFileDelivered("after-long-name");
        assertThat(logs.lines().stream().filter(l -> l.contains("rrrrrrrr"))).as("rejected once, not retried").hasSize(1);
    }

    @Test
    void escapes_a_newline_in_a_file_name_so_it_cannot_forge_a_log_line() throws Exception {
        String name = "evil\n2026-12-04T00:00:00.000Z [ERROR] forged - everything is broken.yaml";
        drop(name, "Name: broken\nType: batch\n");

        await().atMost(PATIENCE).until(() -> filesIn(".error").contains(name + ".error.json"));
        assertThat(logs.text()).contains("evil\\n2026-12-04T00:00:00.000Z [ERROR] forged");
        assertThat(logs.lines()).noneMatch(l -> l.startsWith("2026-12-04T00:00:00.000Z [ERROR] forged"));
    }

    private void assertNextValidFileDelivered(String name) {
        drop(name + ".yaml", job(name));
        awaitDelivery(name, DeliveryState.SUBMITTED);
        await().atMost(PATIENCE).until(() -> filesIn(".done").contains(name + ".yaml"));
        assertThat(orchestrator.createdCount(name)).isEqualTo(1);
    }

    /** Left in the inbox, and warned about once although the inbox was scanned many times meanwhile. */
    private void assertLeftAloneWithOneWarning(String name, String why) throws InterruptedException {
        Thread.sleep(300); // a dozen more scans at 20 ms: still one warning
        assertThat(Files.exists(inbox.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        List<String> warnings = logs.lines().stream().filter(l -> l.contains(name) && l.contains("left in the inbox"))
                .toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(why);
        assertThat(filesIn(".done")).doesNotContain(name);
        assertThat(filesIn(".error")).doesNotContain(name, name + ".error.json");
    }

    private static void assumeRoot(String why) {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), why);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
