package io.jobdrop.intake;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RetryBackoff backoff = new RetryBackoff(100, 30_000, now::get);

    @Test
    void doubles_the_wait_of_a_failing_file_up_to_the_maximum() {
        assertThat(backoff.due("/in/x.yaml")).isTrue();
        long[] expected = {100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 30000, 30000};
        for (long wait : expected) {
            backoff.failed("/in/x.yaml");
            assertThat(backoff.remainingMs("/in/x.yaml")).isEqualTo(wait);
            assertThat(backoff.due("/in/x.yaml")).isFalse();
            now.addAndGet(wait);
            assertThat(backoff.due("/in/x.yaml")).isTrue();
        }
        assertThat(backoff.due("/in/other.yaml")).as("other files are not held up").isTrue();
    }

    @Test
    void forgets_a_file_once_it_succeeds() {
        backoff.failed("/in/x.yaml");
        backoff.failed("/in/x.yaml");
        backoff.succeeded("/in/x.yaml");
        assertThat(backoff.due("/in/x.yaml")).isTrue();
        backoff.failed("/in/x.yaml");
        assertThat(backoff.remainingMs("/in/x.yaml")).isEqualTo(100);
    }
}
