package io.jobdrop.pipeline;

import io.jobdrop.intake.InboxScheduler;
import io.jobdrop.testing.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A dropped file is taken when it lands (the inbox is watched), not at the next poll of the fallback interval. */
class InboxWatchTest extends PipelineTestSupport {

    private static final Duration POLL = Duration.ofSeconds(60);

    @Override
    String databaseUrl() {
        return "jdbc:h2:file:" + work.resolve("data/jobdrop").toAbsolutePath();
    }

    @Override
    void tune(Properties p) {
        p.put("jobdrop.inbox.poll-ms", Long.toString(POLL.toMillis()));
    }

    @Test
    void a_dropped_file_reaches_the_orchestrator_before_the_next_poll_would_have_fired() {
        InboxScheduler scheduler = context.getRegistry().lookupByNameAndType("inboxScheduler", InboxScheduler.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.scans() >= 1);
        Instant nextPoll = Instant.ofEpochMilli(scheduler.lastScanStartMillis()).plus(POLL);

        drop("landed.yaml", job("landed"));

        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("landed") == 1);
        Instant arrived = orchestrator.submissions().stream().map(RecordedRequest::arrivedAt).max(Instant::compareTo)
                .orElseThrow();
        assertThat(arrived).as("arrival at the orchestrator, against the poll schedule").isBefore(nextPoll);
        assertThat(scheduler.wokenScans()).as("the scan that took it was woken by the watch").isPositive();
        assertThat(filesIn(".done")).contains("landed.yaml");
    }

    @Test
    void files_written_under_a_hidden_name_wake_the_scan_only_once_renamed_in() {
        InboxScheduler scheduler = context.getRegistry().lookupByNameAndType("inboxScheduler", InboxScheduler.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.scans() >= 1);
        long before = scheduler.wokenScans();

        drop("second.yaml", job("second")); // written as .second.yaml.part, then renamed

        await().atMost(Duration.ofSeconds(30)).until(() -> orchestrator.createdCount("second") == 1);
        assertThat(scheduler.wokenScans() - before).as("one wake-up for the rename, none for the hidden writes")
                .isBetween(1L, 2L);
    }
}
