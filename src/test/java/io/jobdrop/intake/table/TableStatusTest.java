package io.jobdrop.intake.table;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TableStatusTest {

    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    @Test
    void backs_off_from_the_poll_interval_doubling_up_to_30_seconds_and_resets_on_a_working_poll() {
        TableStatus status = new TableStatus(Duration.ofSeconds(1));
        assertThat(status.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(status.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(status.backoff(20)).isEqualTo(Duration.ofSeconds(30));

        status.failed("down", T0);
        status.failed("down", T0);
        assertThat(status.due(T0.plusMillis(1999))).isFalse();
        assertThat(status.due(T0.plusSeconds(2))).isTrue();
        assertThat(status.snapshot().problem()).isEqualTo("down");
        assertThat(status.snapshot().failures()).isEqualTo(2);

        status.polled(T0.plusSeconds(3));
        assertThat(status.snapshot().problem()).isNull();
        assertThat(status.snapshot().failures()).isZero();
        assertThat(status.due(T0.plusSeconds(3))).isTrue();
    }
}
