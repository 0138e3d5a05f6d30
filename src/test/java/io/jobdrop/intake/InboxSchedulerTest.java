package io.jobdrop.intake;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InboxSchedulerTest {

    private InboxScheduler scheduler;

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    @Test
    void scans_on_its_interval_when_no_file_system_event_comes() {
        scheduler = new InboxScheduler(Duration.ofMillis(20), new ScanSize(10_000));
        AtomicInteger polls = new AtomicInteger();
        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 5);
        assertThat(scheduler.wokenScans()).isZero();
    }

    @Test
    void a_wake_up_scans_at_once_instead_of_at_the_next_tick() {
        scheduler = new InboxScheduler(Duration.ofHours(1), new ScanSize(10_000));
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
        scheduler = new InboxScheduler(Duration.ofHours(1), new ScanSize(10_000));
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
    void sizes_each_scan_from_what_the_scan_before_found_waiting() throws Exception {
        ScanSize size = new ScanSize(10_000);
        scheduler = new InboxScheduler(Duration.ofHours(1), size);
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            ScheduledBatchPollingConsumer consumer = (ScheduledBatchPollingConsumer) context
                    .getEndpoint("file:" + System.getProperty("java.io.tmpdir") + "/jobdrop-scan-size")
                    .createConsumer(exchange -> { });
            scheduler.onInit(consumer);
            int[] waiting = {40_000, 250_000, 0};
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            scheduler.scheduleTask(() -> {
                sizes.add(consumer.getMaxMessagesPerPoll());
                if (sizes.size() <= waiting.length) {
                    for (int i = 0; i < waiting[sizes.size() - 1]; i++) {
                        size.waiting(); // as the filter counts the files it lets through while the scan lists
                    }
                    scheduler.wake();
                }
            });
            scheduler.startScheduler();

            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.size() >= 4);
            // the first scan knows nothing yet; then a tenth of what waited, at most max-per-poll, at least 1,000
            assertThat(sizes.subList(0, 4)).containsExactly(1_000, 4_000, 10_000, 1_000);
        }
    }
}
