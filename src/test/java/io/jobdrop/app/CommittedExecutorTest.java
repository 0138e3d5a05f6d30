package io.jobdrop.app;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executors that carry on exchanges after a ledger commit must queue, never run a task on the submitting thread
 * (the ledger's writer) nor drop it: bench runs stalled when a bounded queue made the writer run the drain loop.
 */
class CommittedExecutorTest {

    @Test
    void queues_every_task_on_its_own_thread_while_it_is_busy() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.start();
            ExecutorService executor = JobdropConfiguration.committedExecutor(context, "test-committed");
            CountDownLatch release = new CountDownLatch(1);
            executor.execute(() -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            CountDownLatch done = new CountDownLatch(5_000);
            for (int i = 0; i < 5_000; i++) {
                executor.execute(() -> {
                    ranOn.add(Thread.currentThread());
                    done.countDown();
                });
            }
            release.countDown();

            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(ranOn).hasSize(1).doesNotContain(Thread.currentThread());
        }
    }
}
