package io.jobdrop.forward;

import io.jobdrop.store.Delivery;
import io.jobdrop.testing.BacalhauDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The request jobdrop builds, sent over HTTP to the orchestrator double, and what the classifier makes of each answer. */
class ClassifierAgainstDoubleTest {

    private static final String HELLO = "{\"Name\":\"hello\",\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\","
            + "\"Engine\":{\"Type\":\"docker\",\"Params\":{\"Image\":\"busybox\"}}}]}";
    private static final String TOKEN = "an-api-key-of-twenty-chars";
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final BacalhauDouble bacalhau = BacalhauDouble.started();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ForwardGate gate = new ForwardGate();
    private final ResponseClassifier classifier = new ResponseClassifier(ForwardPolicy.defaults(), gate);

    @AfterEach
    void stopDouble() {
        bacalhau.close();
    }

    @Test
    void a_new_job_is_submitted_with_the_orchestrators_id() {
        Delivery d = forward(SubmitRequest.of(HELLO, null));

        String id = bacalhau.job("hello").orElseThrow().get("ID").asText();
        assertThat(d).isInstanceOfSatisfying(Delivery.Submitted.class, s -> {
            assertThat(s.orchestratorJobId()).isEqualTo(id);
            assertThat(s.evaluationId()).isNotBlank();
            assertThat(s.warnings()).isEmpty();
        });
    }

    @Test
    void a_resend_of_a_job_the_orchestrator_has_is_already_present() {
        forward(SubmitRequest.of(HELLO, null));

        Delivery d = forward(SubmitRequest.of(HELLO, null));

        assertThat(d).isInstanceOfSatisfying(Delivery.AlreadyPresent.class, a -> assertThat(
                ResponseClassifier.existingJobId(a.message())).contains(bacalhau.job("hello").orElseThrow().get("ID").asText()));
    }

    @Test
    void an_answer_lost_after_the_store_ends_already_present_with_the_job_created_once() {
        bacalhau.randomFaults(0, 1.0, 1);
        Delivery lost = forward(SubmitRequest.of(HELLO, null));
        bacalhau.clearFaults();

        Delivery resent = forward(SubmitRequest.of(HELLO, null));

        assertThat(lost).isInstanceOfSatisfying(Delivery.Retry.class, r -> assertThat(r.countsAsFailure()).isTrue());
        assertThat(resent).isInstanceOf(Delivery.AlreadyPresent.class);
        assertThat(bacalhau.createdCount("hello")).isEqualTo(1);
    }

    @Test
    void a_job_the_orchestrator_refuses_is_rejected_with_its_message() {
        Delivery d = forward(SubmitRequest.of("{\"Name\":\"x\"}", null));

        assertThat(d).isEqualTo(new Delivery.Rejected("missing job type\nmissing job tasks"));
    }

    @Test
    void a_rate_limit_waits_for_retry_after_without_counting() {
        bacalhau.rateLimitNext(1, "7");

        Delivery d = forward(SubmitRequest.of(HELLO, null));

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(7));
            assertThat(r.countsAsFailure()).isFalse();
        });
    }

    @Test
    void a_missing_token_pauses_forwarding_and_the_right_one_gets_through() {
        bacalhau.requireToken(TOKEN);

        Delivery refused = forward(SubmitRequest.of(HELLO, null));
        Delivery accepted = forward(SubmitRequest.of(HELLO, TOKEN));

        assertThat(refused).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.countsAsFailure()).isFalse();
            assertThat(r.reason()).startsWith("HTTP 401 credentials refused: Request Unauthorized (Missing Authorization header)");
        });
        assertThat(gate.isOpen(NOW)).isFalse();
        assertThat(accepted).isInstanceOf(Delivery.Submitted.class);
    }

    @Test
    void a_server_error_is_retried_as_a_failure() {
        bacalhau.failNext(1, 503);

        Delivery d = forward(SubmitRequest.of(HELLO, null));

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.countsAsFailure()).isTrue();
            assertThat(r.reason()).startsWith("HTTP 503: ");
        });
    }

    @Test
    void an_orchestrator_that_is_down_is_retried_as_a_failure() {
        bacalhau.stop();

        Delivery d = forward(SubmitRequest.of(HELLO, null));

        assertThat(d).isInstanceOfSatisfying(Delivery.Retry.class, r -> {
            assertThat(r.countsAsFailure()).isTrue();
            assertThat(r.reason()).startsWith("ConnectException");
        });
    }

    private Delivery forward(SubmitRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(
                        OrchestratorAddress.resolve(bacalhau.url(), Map.of()).jobsUrl()))
                .method(SubmitRequest.METHOD, HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return classifier.classify(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.body(), null, 0, NOW.minusSeconds(5), NOW);
        } catch (IOException e) {
            return classifier.classify(null, null, null, e, 0, NOW.minusSeconds(5), NOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
