package io.jobdrop.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxSchedulerTest {

    private InboxScheduler scheduler;

    /** For the tests of when scans happen: a folder that is not there leaves the choice to the consumer. */
    private static ScanSelection anyInbox() {
        return new ScanSelection(Path.of("no-such-inbox"), new RetryBackoff(100, 1_000), 10_000);
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    @Test
    void scans_on_its_interval_when_no_file_system_event_comes() {
        scheduler = new InboxScheduler(Duration.ofMillis(20), anyInbox());
        AtomicInteger polls = new AtomicInteger();
        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 5);
        assertThat(scheduler.wokenScans()).isZero();
    }

    @Test
    void a_wake_up_scans_at_once_instead_of_at_the_next_tick() {
        scheduler = new InboxScheduler(Duration.ofHours(1), anyInbox());
        AtomicInteger polls = new AtomicInteger();
        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 1); // the first scan, at start

        scheduler.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 2);
        assertThat(scheduler.wokenScans()).isEqualTo(1);
    }

    @Test
    void starts_again_after_the_consumer_stopped_it() {
        scheduler = new InboxScheduler(Duration.ofHours(1), anyInbox());
        AtomicInteger polls = new AtomicInteger();
        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();
        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 1);
        scheduler.unscheduleTask();
        scheduler.shutdown();

        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() == 2);
        assertThat(scheduler.isSchedulerStarted()).isTrue();
    }

    @Test
    void the_watch_takes_job_file_names_and_leaves_hidden_and_temporary_ones() {
        assertThat(InboxWatch.isJobFile("a.yaml")).isTrue();
        assertThat(InboxWatch.isJobFile("B.JSON")).isTrue();
        assertThat(InboxWatch.isJobFile(".a.yaml.part")).isFalse();
        assertThat(InboxWatch.isJobFile("a.yaml.tmp")).isFalse();
    }

    @Test
    void sizes_each_scan_from_what_the_scan_before_found_waiting(@TempDir Path inbox) throws Exception {
        for (int i = 0; i < 30; i++) {
            Files.writeString(inbox.resolve("job-" + i + ".yaml"), "Name: j" + i);
        }
        scheduler = new InboxScheduler(Duration.ofHours(1),
                new ScanSelection(inbox, new RetryBackoff(100, 1_000), 100, 2));
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ScheduledBatchPollingConsumer consumer = (ScheduledBatchPollingConsumer) context
                    .getEndpoint("file:" + inbox).createConsumer(exchange -> { });
            scheduler.onInit(consumer);
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            scheduler.scheduleTask(() -> {
                sizes.add(consumer.getMaxMessagesPerPoll());
                if (sizes.size() < 2) {
                    scheduler.wake();
                }
            });
            scheduler.startScheduler();

            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() >= 2);
            // the first scan knows nothing yet and takes the floor; the next a tenth of the 30 that waited
            assertThat(sizes.subList(0, 2)).containsExactly(2, 3);
        }
    }
}
