package io.jobdrop.notify;

import io.jobdrop.forward.Backoff;
import io.jobdrop.store.NotificationOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPolicyTest {

    static final Instant CREATED = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant NOW = CREATED.plusSeconds(60);
    // the jitter pinned at its lowest: the wait after n failures is half the ceiling
    final WebhookPolicy policy = new WebhookPolicy(5, Duration.ofHours(1),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), () -> 0.0), Duration.ofMinutes(10));

    @Test
    void a_2xx_answer_is_delivered() {
        assertThat(policy.classify(204, null, null, 3, CREATED, NOW))
                .isEqualTo(new NotificationOutcome.Delivered(204));
    }

    @Test
    void server_errors_timeouts_and_no_answer_are_retried_with_exponential_backoff() {
        assertThat(policy.classify(500, null, "HTTP 500", 0, CREATED, NOW))
                .isEqualTo(new NotificationOutcome.Retry(500, "HTTP 500", NOW.plusSeconds(1)));
        assertThat(policy.classify(null, null, "ConnectException: refused", 2, CREATED, NOW))
                .isEqualTo(new NotificationOutcome.Retry(null, "ConnectException: refused", NOW.plusSeconds(4)));
        assertThat(policy.classify(408, null, "HTTP 408", 1, CREATED, NOW))
                .isInstanceOf(NotificationOutcome.Retry.class);
    }

    @Test
    void retry_after_on_429_and_503_is_honoured_up_to_its_cap() {
        assertThat(policy.classify(429, "120", "HTTP 429", 0, CREATED, NOW))
                .isEqualTo(new NotificationOutcome.Retry(429, "HTTP 429", NOW.plusSeconds(120)));
        assertThat(policy.classify(503, "99999", "HTTP 503", 0, CREATED, NOW))
                .isEqualTo(new NotificationOutcome.Retry(503, "HTTP 503", NOW.plus(Duration.ofMinutes(10))));
        assertThat(policy.classify(500, "120", "HTTP 500", 0, CREATED, NOW))
                .as("a 500's Retry-After is not a request to wait")
                .isEqualTo(new NotificationOutcome.Retry(500, "HTTP 500", NOW.plusSeconds(1)));
    }

    @Test
    void other_4xx_and_redirects_give_up_at_once() {
        assertThat(policy.classify(404, null, "HTTP 404: no hook", 0, CREATED, NOW))
                .isInstanceOfSatisfying(NotificationOutcome.GivenUp.class,
                        g -> assertThat(g.error()).startsWith("HTTP 404: no hook").contains("not retried"));
        assertThat(policy.classify(401, null, "HTTP 401", 0, CREATED, NOW))
                .isInstanceOf(NotificationOutcome.GivenUp.class);
        assertThat(policy.classify(302, null, "HTTP 302", 0, CREATED, NOW))
                .isInstanceOf(NotificationOutcome.GivenUp.class);
    }

    @Test
    void gives_up_on_the_last_allowed_attempt() {
        assertThat(policy.classify(500, null, "HTTP 500", 3, CREATED, NOW))
                .isInstanceOf(NotificationOutcome.Retry.class);
        assertThat(policy.classify(500, null, "HTTP 500", 4, CREATED, NOW))
                .isInstanceOfSatisfying(NotificationOutcome.GivenUp.class,
                        g -> assertThat(g.error()).contains("after 5 attempts"));
    }

    @Test
    void gives_up_when_the_next_attempt_would_come_after_the_maximum_age() {
        Instant late = CREATED.plus(Duration.ofHours(1)).minusMillis(500);
        assertThat(policy.classify(500, null, "HTTP 500", 0, CREATED, late))
                .isInstanceOfSatisfying(NotificationOutcome.GivenUp.class,
                        g -> assertThat(g.error()).contains("jobdrop.notify.max-age"));
        assertThat(policy.expired(CREATED, CREATED.plus(Duration.ofHours(1)).plusMillis(1))).isTrue();
        assertThat(policy.expired(CREATED, CREATED.plus(Duration.ofHours(1)))).isFalse();
    }
}
