package io.jobdrop.forward;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

    @Test
    void reads_delay_seconds() {
        assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    }

    @Test
    void reads_all_three_http_date_forms() {
        Duration wait = Duration.ofSeconds(37);

        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).contains(wait);
        assertThat(RetryAfter.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(wait);
        assertThat(RetryAfter.parse("Sun Nov  6 08:49:37 1994", NOW)).contains(wait);
    }

    @Test
    void reads_two_digit_years_as_at_most_fifty_years_ahead() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        assertThat(RetryAfter.parse("Friday, 27-Nov-26 10:00:05 GMT", now)).contains(Duration.ofSeconds(5));
        // 1977, not 2077: a date more than 50 years ahead belongs to the century before (so it is in the past)
        assertThat(RetryAfter.parse("Sunday, 27-Nov-77 10:00:05 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void refuses_garbage() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("  ", NOW)).isEmpty();
        assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-1", NOW)).isEmpty();
    }

    @Test
    void huge_delays_stay_huge_instead_of_overflowing() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).hasValueSatisfying(
                d -> assertThat(d).isGreaterThan(Duration.ofDays(365)));
    }
}
