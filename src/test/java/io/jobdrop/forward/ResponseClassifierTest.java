package io.jobdrop.forward;

import io.jobdrop.store.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant QUEUED = NOW.minusSeconds(30);
    private static final ForwardPolicy POLICY = ForwardPolicy.defaults();

    private final ForwardGate gate = new ForwardGate();
    // jitter pinned to its lowest value: the wait is exactly half the ceiling
    private final ResponseClassifier classifier = new ResponseClassifier(POLICY,
            new Backoff(POLICY.initialBackoff(), POLICY.maxBackoff(), () -> 0.0), gate);

    private Delivery classify(Integer status, String retryAfter, String body) {
        return classifier.classify(status, retryAfter, body, null, 0, QUEUED, NOW);
    }

    @Test
    void ok_is_submitted_with_job_id_evaluation_id_and_warnings() {
        Delivery d = classify(200, null,
                "{\"JobID\":\"j-1\",\"EvaluationID\":\"e1\",\"Warnings\":[\"job ID is ignored when submitting a batch job\"]}\n");

        assertThat(d).isEqualTo(new Delivery.Submitted("j-1", "e1", List.of("job ID is ignored when submitting a batch job")));
    }

    @Test
    void ok_with_null_warnings_is_submitted_without_warnings() {
        Delivery d = classify(200, null, "{\"JobID\":\"j-1\",\"EvaluationID\":\"e1\",\"Warnings\":null}");

        assertThat(d).isEqualTo(new Delivery.Submitted("j-1", "e1", List.of()));
    }

    @Test
    void ok_without_a_job_id_is_retried_as_a_failure_because_a_resend_is_harmless() {
        Delivery d = classify(200, null, "<html>proxy</html>");

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.countsAsFailure()).isTrue();
            assertThat(r.reason()).contains("HTTP 200", "<html>proxy</html>");
        });
    }

    @Test
    void unchanged_resubmission_is_already_present() {
        String body = "{\"Status\":500,\"Message\":\"no changes detected for new job spec. Job Name: 'n', Job Id: 'j-9'\","
                + "\"RequestID\":\"\",\"Code\":\"\",\"Component\":\"Bacalhau\",\"Hint\":\"Use the --force flag to override this warning\"}";

        Delivery d = classify(500, null, body);

        assertThat(d).isEqualTo(new Delivery.AlreadyPresent("no changes detected for new job spec. Job Name: 'n', Job Id: 'j-9'"));
        assertThat(ResponseClassifier.existingJobId(((Delivery.AlreadyPresent) d).message())).contains("j-9");
    }

    @Test
    void other_internal_errors_are_retried_with_backoff() {
        String body = "{\"Status\":500,\"Message\":\"Internal server error\",\"RequestID\":\"\",\"Code\":\"InternalError\",\"Component\":\"Unknown\"}";

        Delivery d = classify(500, null, body);

        assertThat(d).isEqualTo(new Delivery.Retry(NOW.plusMillis(500), true, "HTTP 500: Internal server error"));
    }

    @Test
    void bad_request_is_rejected_with_bacalhaus_message() {
        String body = "{\"Status\":400,\"Message\":\"missing job type\\nmissing job tasks\",\"RequestID\":\"\","
                + "\"Code\":\"InternalError\",\"Component\":\"APIServer\"}";

        assertThat(classify(400, null, body)).isEqualTo(new Delivery.Rejected("missing job type\nmissing job tasks"));
    }

    @Test
    void bad_request_without_an_error_body_is_rejected_with_the_raw_body() {
        assertThat(classify(400, null, "bad things")).isEqualTo(new Delivery.Rejected("bad things"));
        assertThat(classify(400, null, "")).isEqualTo(new Delivery.Rejected("HTTP 400 with an empty body"));
    }

    @Test
    void rate_limit_waits_for_retry_after_seconds_without_counting_a_failure() {
        Delivery d = classify(429, "7", "{\"Status\":429,\"Message\":\"rate limit exceeded\"}");

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(7));
            assertThat(r.countsAsFailure()).isFalse();
            assertThat(r.reason()).contains("429", "rate limit exceeded", "7s");
        });
    }

    @Test
    void rate_limit_waits_until_retry_after_http_date() {
        Delivery d = classify(429, "Fri, 27 Nov 2026 10:02:30 GMT", null);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.notBefore()).isEqualTo(Instant.parse("2026-11-27T10:02:30Z")));
    }

    @Test
    void rate_limit_with_a_past_http_date_may_go_now() {
        Delivery d = classify(429, "Fri, 27 Nov 2026 09:00:00 GMT", null);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> assertThat(r.notBefore()).isEqualTo(NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "Fri, 32 Nov 2026 10:00:00 GMT"})
    void rate_limit_without_usable_retry_after_waits_the_default(String header) {
        Delivery d = classify(429, header, null);

        assertThat(d).isEqualTo(new Delivery.Retry(NOW.plus(POLICY.defaultRetryAfter()), false,
                "HTTP 429 rate limited; retrying after 1s"));
    }

    @Test
    void rate_limit_without_header_waits_the_default() {
        assertThat(classify(429, null, null)).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(1)));
    }

    @Test
    void rate_limit_waits_at_most_the_cap() {
        Delivery d = classify(429, "86400", null);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.notBefore()).isEqualTo(NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void rate_limit_never_kills_a_job_however_old() {
        Delivery d = classifier.classify(429, "1", null, null, 50, NOW.minus(Duration.ofDays(3)), NOW);

        assertThat(d).isInstanceOf(Delivery.Retry.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refused_credentials_pause_forwarding_without_counting_a_failure(int status) {
        String body = "{\"Status\":" + status + ",\"Message\":\"Request Unauthorized\",\"Code\":\"Unauthorized\",\"Component\":\"Authorizer\"}";

        Delivery d = classify(status, null, body);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(60));
            assertThat(r.countsAsFailure()).isFalse();
            assertThat(r.reason()).contains("HTTP " + status, "Request Unauthorized");
        });
        assertThat(gate.isOpen(NOW)).isFalse();
        assertThat(gate.isOpen(NOW.plusSeconds(60))).isTrue();
        assertThat(gate.reason()).contains("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 409, 502, 503, 504})
    void other_statuses_are_retried_as_failures(int status) {
        Delivery d = classify(status, null, "{\"Status\":" + status + ",\"Message\":\"m\"}");

        assertThat(d).isEqualTo(new Delivery.Retry(NOW.plusMillis(500), true, "HTTP " + status + ": m"));
    }

    @Test
    void a_503_with_retry_after_still_counts_as_a_failure() {
        Delivery d = classify(503, "120", "");

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> assertThat(r.countsAsFailure()).isTrue());
    }

    @Test
    void refused_connection_is_retried_with_the_root_cause_in_the_reason() {
        Exception wrapped = new IOException("send failed", new ConnectException("Connection refused"));

        Delivery d = classifier.classify(null, null, null, wrapped, 0, QUEUED, NOW);

        assertThat(d).isEqualTo(new Delivery.Retry(NOW.plusMillis(500), true, "ConnectException: Connection refused"));
    }

    @Test
    void a_failure_chain_without_messages_is_named_by_its_exception_classes() {
        Exception refused = new ConnectException();
        refused.initCause(new java.nio.channels.ClosedChannelException());

        Delivery d = classifier.classify(null, null, null, refused, 0, QUEUED, NOW);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.reason()).isEqualTo("ConnectException (ClosedChannelException)"));
    }

    @Test
    void timeout_is_retried_as_a_failure() {
        Delivery d = classifier.classify(null, null, null, new HttpTimeoutException("request timed out"), 0, QUEUED, NOW);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.countsAsFailure()).isTrue();
            assertThat(r.reason()).isEqualTo("HttpTimeoutException: request timed out");
        });
    }

    @Test
    void backoff_grows_with_the_failures_so_far() {
        Delivery third = classifier.classify(503, null, "", null, 2, QUEUED, NOW);

        // ceiling after the 3rd failure is 4 s; pinned jitter gives its lower half
        assertThat(third).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(2)));
    }

    @Test
    void the_last_allowed_failure_is_a_dead_letter_with_the_last_error() {
        Delivery d = classifier.classify(503, null, "{\"Message\":\"down\"}", null, 9, QUEUED, NOW);

        assertThat(d).isEqualTo(new Delivery.Dead("gave up after 10 attempts: HTTP 503: down"));
    }

    @Test
    void the_failure_before_the_last_is_still_retried() {
        assertThat(classifier.classify(503, null, "", null, 8, QUEUED, NOW)).isInstanceOf(Delivery.Retry.class);
    }

    @Test
    void a_failure_past_max_age_is_a_dead_letter() {
        Instant queued = NOW.minus(Duration.ofHours(24)).minusSeconds(1);

        Delivery d = classifier.classify(null, null, null, new ConnectException("Connection refused"), 0, queued, NOW);

        assertThat(d).isInstanceOfSatisfying(Delivery.Dead.class, dead -> assertThat(dead.reason())
                .startsWith("older than max age 24h")
                .contains(queued.toString(), "ConnectException: Connection refused"));
    }

    @Test
    void a_failure_at_exactly_max_age_is_retried() {
        Delivery d = classifier.classify(503, null, "", null, 0, NOW.minus(Duration.ofHours(24)), NOW);

        assertThat(d).isInstanceOf(Delivery.Retry.class);
    }

    @Test
    void no_response_and_no_exception_is_a_failure() {
        Delivery d = classifier.classify(null, null, null, null, 0, QUEUED, NOW);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class,
                r -> assertThat(r.reason()).isEqualTo("no response from the orchestrator"));
    }

    @Test
    void long_bodies_are_cut_and_put_on_one_line_in_reasons() {
        String body = "line one\n" + "x".repeat(500);

        Delivery d = classify(502, null, body);

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.reason()).startsWith("HTTP 502: line one; xxx").doesNotContain("\n").endsWith("…");
            assertThat(r.reason().length()).isLessThan(230);
        });
    }

    @Test
    void existing_job_id_is_empty_for_other_messages() {
        assertThat(ResponseClassifier.existingJobId("something else")).isEmpty();
        assertThat(ResponseClassifier.existingJobId(null)).isEmpty();
    }
}
