package io.jobdrop.notify;

import io.jobdrop.store.NotificationCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMetricsTest {

    @Test
    void the_first_scrape_reads_the_ledger_and_later_ones_within_the_age_reuse_it() {
        AtomicLong reads = new AtomicLong();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // held here: a gauge holds its instance weakly, and reads NaN once it is collected
        NotificationMetrics metrics = new NotificationMetrics(registry,
                () -> new NotificationCounts(reads.incrementAndGet(), 2, 3), Clock.systemUTC(), Duration.ofHours(1));

        assertThat(gauge(registry, "pending")).isEqualTo(1.0);
        assertThat(gauge(registry, "failed")).isEqualTo(2.0);
        assertThat(gauge(registry, "delivered")).isEqualTo(3.0);
        assertThat(reads).hasValue(1);
        assertThat(metrics).isNotNull();
    }

    private static double gauge(SimpleMeterRegistry registry, String state) {
        Gauge gauge = registry.get("jobdrop.notifications").tag("state", state).gauge();
        return gauge.value();
    }
}
