package io.jobdrop.store;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several writers: one job's writes keep to one writer; a writer held up holds up only its own jobs. */
class LedgerWritersTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final LedgerWriters writers;
    private final CountDownLatch release = new CountDownLatch(1);

    LedgerWritersTest() {
        dataSource.setURL("jdbc:h2:mem:writers-" + UUID.randomUUID());
        writers = new LedgerWriters(dataSource, 2, 10);
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        writers.close();
    }

    @Test
    void a_held_up_writer_holds_up_its_own_jobs_only_and_the_health_sees_it() throws Exception {
        String slow = keyOnWriter(0);
        String fast = keyOnWriter(1);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<String> held = writers.submit(slow, "hold", c -> {
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Thread.currentThread().getName();
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> sameJob = writers.submit(slow, "same job", c -> Thread.currentThread().getName());
        CompletableFuture<String> otherJob = writers.submit(fast, "other job", c -> Thread.currentThread().getName());

        assertThat(otherJob.get(10, TimeUnit.SECONDS)).isEqualTo("jobdrop-ledger-writer-2");
        assertThat(sameJob).isNotDone();
        await().atMost(Duration.ofSeconds(5)).until(() -> writers.progress().stalled(Duration.ofMillis(200)));
        assertThat(writers.progress().waiting()).isEqualTo(2);

        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo("jobdrop-ledger-writer-1");
        assertThat(sameJob.get(10, TimeUnit.SECONDS)).isEqualTo("jobdrop-ledger-writer-1");
        assertThat(writers.progress().stalled(Duration.ZERO)).isFalse();
        assertThat(writers.progress().writerAlive()).isTrue();
    }

    @Test
    void writes_about_no_job_take_turns() throws Exception {
        assertThat(writers.submit(null, "a", c -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS))
                .isNotEqualTo(writers.submit(null, "b", c -> Thread.currentThread().getName())
                        .get(10, TimeUnit.SECONDS));
    }

    private static String keyOnWriter(int index) {
        for (int i = 0; ; i++) {
            String key = LedgerWriters.jobKey("default", "job-" + i);
            if (Math.floorMod(key.hashCode(), 2) == index) {
                return key;
            }
        }
    }
}
