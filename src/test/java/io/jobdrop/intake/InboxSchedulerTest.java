package io.jobdrop.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        scheduler = new InboxScheduler(Duration.ofMillis(20));
        AtomicInteger polls = new AtomicInteger();
        scheduler.scheduleTask(polls::incrementAndGet);
        scheduler.startScheduler();

        await().atMost(Duration.ofSeconds(10)).until(() -> polls.get() >= 5);
        assertThat(scheduler.wokenScans()).isZero();
    }

    @Test
    void a_wake_up_scans_at_once_instead_of_at_the_next_tick() {
        scheduler = new InboxScheduler(Duration.ofHours(1));
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
        scheduler = new InboxScheduler(Duration.ofHours(1));
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
}
