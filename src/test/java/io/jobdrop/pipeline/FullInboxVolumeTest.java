package io.jobdrop.pipeline;

import io.jobdrop.intake.TmpfsVolume;
import io.jobdrop.testing.LogCapture;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox's volume runs full: no truncated reports, no tight retry loop, health says why, and it recovers alone. */
class FullInboxVolumeTest extends PipelineTestSupport {

    // set on first use, like the fixtures (the properties are read from the constructor)
    TmpfsVolume volume;
    String cannotMount;
    LogCapture logs;

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        if (logs != null) {
            return;
        }
        logs = LogCapture.start();
        if (!"root".equals(System.getProperty("user.name"))) {
            cannotMount = "a full volume is made by mounting a small tmpfs, which needs root";
            return;
        }
        try {
            volume = TmpfsVolume.mount(inbox, "1m");
        } catch (Exception e) {
            cannotMount = "cannot mount a tmpfs here: " + e.getMessage();
        }
    }

    @AfterEach
    void unmount() throws Exception {
        context.stop();
        logs.close();
        if (volume != null) {
            volume.close();
        }
    }

    @Test
    void a_full_inbox_volume_leaves_the_file_waiting_backs_off_reports_it_in_health_and_recovers() throws Exception {
        Assumptions.assumeTrue(cannotMount == null, cannotMount);
        Path pending = Files.writeString(inbox.resolve(".bad.yaml.part"), "Name: broken\nType: batch\n");
        Path filler = volume.fill();
        Files.move(pending, inbox.resolve("bad.yaml"));

        await().atMost(Duration.ofSeconds(20)).until(() -> inboxHealth().getState() == HealthCheck.State.DOWN
                && inboxHealth().getMessage().orElse("").contains("No space left on device"));
        assertThat(inboxHealth().getMessage().orElseThrow()).contains("cannot file").contains("bad.yaml")
                .contains(".error");
        int before = logs.lines().size();
        Thread.sleep(3000); // 150 scans at 20 ms
        long lines = logs.linesAfter(before).stream().filter(l -> l.contains("bad.yaml")).count();
        assertThat(lines).as("retries back off and the outage is logged once, not per scan").isLessThanOrEqualTo(3);
        assertThat(waitingInInbox()).contains("bad.yaml");
        assertThat(filesIn(".error")).as("no zero-byte or partial report").isEmpty();

        Files.delete(filler);
        await().atMost(Duration.ofSeconds(40)).until(() -> filesIn(".error").contains("bad.yaml.error.json"));
        assertThat(Files.readString(inbox.resolve(".error/bad.yaml.error.json"))).contains("\"verdict\":\"rejected\"");
        await().atMost(Duration.ofSeconds(5)).until(() -> inboxHealth().getState() == HealthCheck.State.UP);
        drop("after.yaml", job("after"));
        awaitDelivery("after", io.jobdrop.store.DeliveryState.SUBMITTED);
    }

    private HealthCheck.Result inboxHealth() {
        return context.getRegistry().lookupByNameAndType("inboxHealth", HealthCheck.class).call();
    }
}
