package io.jobdrop.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Go's Duration.String, which Bacalhau's timeout messages print. */
class GoDurationTest {

    @ParameterizedTest
    @CsvSource({"0, 0s", "1, 1s", "-3, -3s", "59, 59s", "60, 1m0s", "100, 1m40s", "110, 1m50s", "3600, 1h0m0s",
            "3661, 1h1m1s", "-3661, -1h1m1s", "86400, 24h0m0s"})
    void prints_seconds_like_go(long seconds, String expected) {
        assertThat(GoDuration.ofSeconds(seconds)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1, 1ns", "1500, 1.5µs", "1000000, 1ms", "1200000, 1.2ms", "-1500000, -1.5ms", "999999999, 999.999999ms",
            "1500000000, 1.5s", "1000000001, 1.000000001s", "-9223372036854775808, -2562047h47m16.854775808s",
            "9223372036854775807, 2562047h47m16.854775807s"})
    void prints_nanoseconds_like_go(long nanos, String expected) {
        assertThat(GoDuration.format(nanos)).isEqualTo(expected);
    }

    @Test
    void wraps_around_like_go_when_seconds_overflow_a_duration() {
        assertThat(GoDuration.ofSeconds(10_000_000_000L)).isEqualTo("-2346317h47m53.709551616s");
    }
}
