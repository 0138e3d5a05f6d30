package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BucketStatusTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void backs_off_from_the_poll_interval_doubling_up_to_thirty_seconds() {
        BucketStatus status = new BucketStatus(Duration.ofSeconds(1));

        assertThat(status.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(status.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(status.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(status.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(status.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void skips_polls_while_backing_off_and_forgets_the_outage_after_a_listing_that_works() {
        BucketStatus status = new BucketStatus(Duration.ofSeconds(1));
        assertThat(status.due(T0)).isTrue();

        status.failed("refused", T0);
        status.failed("refused", T0);
        assertThat(status.due(T0.plusMillis(1999))).isFalse();
        assertThat(status.due(T0.plusMillis(2000))).isTrue();
        assertThat(status.snapshot()).isEqualTo(new BucketStatus.Snapshot("refused", 2, null));

        status.listed(T0.plusSeconds(3));
        assertThat(status.due(T0.plusSeconds(3))).isTrue();
        assertThat(status.snapshot()).isEqualTo(new BucketStatus.Snapshot(null, 0, T0.plusSeconds(3)));
    }
}
