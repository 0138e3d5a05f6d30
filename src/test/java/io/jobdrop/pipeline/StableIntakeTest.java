package io.jobdrop.pipeline;

import io.jobdrop.store.DeliveryState;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files still being written are left alone until they have been quiet for jobdrop.inbox.stable-ms. */
class StableIntakeTest extends PipelineTestSupport {

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.inbox.stable-ms", "500");
    }

    @Test
    void does_not_take_a_file_while_it_is_being_written_and_never_holds_up_the_others() throws Exception {
        String[] lines = job("slow").split("(?<=\n)");
        try (BufferedWriter slow = Files.newBufferedWriter(inbox.resolve("slow.yaml"))) {
            for (int i = 0; i < lines.length; i++) {
                slow.write(lines[i]);
                slow.flush();
                if (i == 1) {
                    drop("quick.yaml", job("quick"));
                }
                Thread.sleep(150); // a slow writer: each pause is shorter than the stability window
                assertThat(filesIn(".done")).doesNotContain("slow.yaml");
                assertThat(filesIn(".error")).doesNotContain("slow.yaml");
            }
            assertThat(filesIn(".done")).as("a finished file is not held up by one still being written").contains("quick.yaml");
        }
        awaitDelivery("slow", DeliveryState.SUBMITTED);
        assertThat(filesIn(".done")).contains("slow.yaml");
    }

    @Test
    void takes_a_file_whose_mtime_is_already_old_at_once() throws IOException {
        // the file arrives with its old mtime, as a copy that keeps mtimes would bring it
        Path hidden = Files.writeString(inbox.resolve(".old.yaml.part"), job("old"));
        Files.setLastModifiedTime(hidden, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.move(hidden, inbox.resolve("old.yaml"), StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofMillis(400)).until(() -> filesIn(".done").contains("old.yaml"));
    }

    @Test
    void ignores_hidden_temporary_and_backup_files() throws IOException {
        Files.writeString(inbox.resolve("draft.yaml.tmp"), job("tmp"));
        Files.writeString(inbox.resolve("draft.yaml.part"), job("part"));
        Files.writeString(inbox.resolve("draft.yaml~"), job("backup"));
        Files.writeString(inbox.resolve(".hidden.yaml"), job("hidden"));
        Files.writeString(inbox.resolve("notes.txt"), "not a job");
        drop("real.yaml", job("real"));
        await().atMost(Duration.ofSeconds(10)).until(() -> filesIn(".done").contains("real.yaml"));

        assertThat(waitingInInbox()).containsExactlyInAnyOrder("draft.yaml.tmp", "draft.yaml.part", "draft.yaml~", "notes.txt");
        assertThat(ledger().listJobs(null, 10)).hasSize(1);
    }
}
