package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void ceiling_doubles_from_the_initial_backoff() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> 0.0);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void ceiling_stops_at_the_maximum_even_after_very_many_failures() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> 0.0);

        assertThat(backoff.ceiling(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.ceiling(10)).isEqualTo(FIVE_MINUTES);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void lowest_jitter_waits_half_the_ceiling() {
        assertThat(new Backoff(SECOND, FIVE_MINUTES, () -> 0.0).delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void highest_jitter_waits_the_whole_ceiling() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> Math.nextDown(1.0));

        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delayAfter(30)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void middle_jitter_lands_between_half_and_whole() {
        assertThat(new Backoff(SECOND, FIVE_MINUTES, () -> 0.5).delayAfter(2)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void random_jitter_stays_within_half_and_whole_ceiling() {
        Backoff backoff = Backoff.of(ForwardPolicy.defaults());

        for (int failures = 1; failures <= 20; failures++) {
            Duration ceiling = backoff.ceiling(failures);
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.delayAfter(failures)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void a_random_source_outside_the_unit_interval_is_clamped() {
        assertThat(new Backoff(SECOND, FIVE_MINUTES, () -> 7.0).delayAfter(1)).isEqualTo(SECOND);
        assertThat(new Backoff(SECOND, FIVE_MINUTES, () -> -1.0).delayAfter(1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void zero_failures_is_a_programming_error() {
        assertThatThrownBy(() -> new Backoff(SECOND, FIVE_MINUTES).delayAfter(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
