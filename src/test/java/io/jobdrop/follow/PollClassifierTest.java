package io.jobdrop.follow;

import io.jobdrop.forward.Backoff;
import io.jobdrop.forward.ForwardGate;
import io.jobdrop.store.FollowDecision;
import io.jobdrop.store.FollowItem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PollClassifierTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private final FollowPolicy policy = new FollowPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofDays(7), 8, 50, Duration.ofMillis(250), Duration.ofSeconds(60), Duration.ofSeconds(30));
    private final ForwardGate gate = new ForwardGate();
    private final PollClassifier classifier = new PollClassifier(policy,
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0), gate);

    private static FollowItem item(String type, int polls, Instant started) {
        return new FollowItem("j-1", "report", 1, "j-orch", "default", type, "Pending", polls, 0, started);
    }

    private static String answer(String state, String executions) {
        return "{\"Job\":{\"ID\":\"j-orch\",\"State\":{\"StateType\":\"" + state + "\",\"Message\":\"m\"}},"
                + "\"Executions\":{\"Items\":[" + executions + "],\"NextToken\":\"\"}}";
    }

    @Test
    void a_running_batch_job_is_polled_again_after_a_doubling_interval() {
        FollowDecision d = classifier.classify(item("batch", 2, NOW), 200, null, answer("Running", ""), null, NOW);

        assertThat(d).isInstanceOfSatisfying(FollowDecision.Seen.class, seen -> {
            assertThat(seen.nextPollAt()).isEqualTo(NOW.plusSeconds(8));
            assertThat(seen.observation().state()).isEqualTo("Running");
        });
    }

    @Test
    void intervals_stop_growing_at_max_interval() {
        assertThat(policy.intervalAfter(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.intervalAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.intervalAfter(6)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.intervalAfter(40)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.maxRequestsPerSecond()).isEqualTo(200.0);
    }

    @Test
    void completed_failed_and_stopped_end_following_and_running_ends_it_for_daemons_and_services() {
        assertThat(PollClassifier.isFinal("Completed", "batch")).isTrue();
        assertThat(PollClassifier.isFinal("Failed", "ops")).isTrue();
        assertThat(PollClassifier.isFinal("Stopped", "batch")).isTrue();
        assertThat(PollClassifier.isFinal("Running", "batch")).isFalse();
        assertThat(PollClassifier.isFinal("Running", "daemon")).isTrue();
        assertThat(PollClassifier.isFinal("Running", "service")).isTrue();
        assertThat(PollClassifier.isFinal("Queued", "service")).isFalse();
    }

    @Test
    void reads_integer_execution_states_by_name_and_cuts_output_on_a_utf8_boundary() {
        String execution = "{\"ID\":\"e-1\",\"NodeID\":\"n-1\",\"JobVersion\":1,\"ComputeState\":{\"StateType\":9},"
                + "\"DesiredState\":{\"StateType\":2},\"PublishedResult\":{\"Type\":\"s3\",\"Params\":{\"Key\":\"k\"}},"
                + "\"RunOutput\":{\"Stdout\":\"abcdefgé\",\"StdoutTruncated\":false,\"stderr\":\"\","
                + "\"StderrTruncated\":false,\"ExitCode\":0,\"ErrorMsg\":\"\"}}";

        FollowDecision d = classifier.classify(item("batch", 0, NOW), 200, null, answer("Completed", execution), null,
                NOW);

        assertThat(d).isInstanceOfSatisfying(FollowDecision.Seen.class, seen -> {
            assertThat(seen.nextPollAt()).isNull();
            assertThat(seen.observation().executions()).singleElement().satisfies(e -> {
                assertThat(e.computeState()).isEqualTo("Completed");
                assertThat(e.desiredState()).isEqualTo("Stopped");
                assertThat(e.stdout()).isEqualTo("abcdefg"); // é is two bytes: the ninth byte would split it
                assertThat(e.stdoutTruncated()).isTrue();
                assertThat(e.stderrTruncated()).isFalse();
                assertThat(e.exitCode()).isZero();
                assertThat(e.publishedResult()).contains("\"s3\"");
            });
        });
    }

    @Test
    void an_unknown_job_at_the_orchestrator_is_given_up_as_unknown() {
        String body = "{\"Status\":404,\"Message\":\"job not found: j-orch\",\"Code\":\"NotFound\",\"Component\":\"JobStore\"}";

        assertThat(classifier.classify(item("batch", 1, NOW), 404, null, body, null, NOW))
                .isInstanceOfSatisfying(FollowDecision.GiveUp.class,
                        g -> assertThat(g.reason()).contains("job not found: j-orch"));
    }

    @Test
    void an_unknown_route_404_is_retried_not_given_up() {
        String body = "{\"Status\":404,\"Message\":\"The requested resource/URL was not found.\",\"Code\":\"NotFound\","
                + "\"Component\":\"APIServer\"}";

        assertThat(classifier.classify(item("batch", 1, NOW), 404, null, body, null, NOW))
                .isInstanceOf(FollowDecision.Retry.class);
    }

    @Test
    void rate_limits_wait_for_retry_after_and_outages_back_off() {
        assertThat(classifier.classify(item("batch", 1, NOW), 429, "7", "{}", null, NOW))
                .isInstanceOfSatisfying(FollowDecision.Retry.class,
                        r -> assertThat(r.notBefore()).isEqualTo(NOW.plusSeconds(7)));
        assertThat(classifier.classify(item("batch", 1, NOW), null, null, null, new ConnectException("refused"), NOW))
                .isInstanceOfSatisfying(FollowDecision.Retry.class, r -> {
                    assertThat(r.notBefore()).isAfter(NOW);
                    assertThat(r.reason()).contains("refused");
                });
        assertThat(classifier.classify(item("batch", 1, NOW), 503, null, "{}", null, NOW))
                .isInstanceOf(FollowDecision.Retry.class);
    }

    @Test
    void refused_credentials_pause_the_shared_gate() {
        assertThat(classifier.classify(item("batch", 1, NOW), 401, null, "{\"Message\":\"Request Unauthorized\"}",
                null, NOW)).isInstanceOf(FollowDecision.Retry.class);

        assertThat(gate.isOpen(NOW.plusSeconds(1))).isFalse();
        assertThat(gate.isOpen(NOW.plusSeconds(31))).isTrue();
    }

    @Test
    void past_max_age_a_job_not_ended_is_unknown_whatever_the_answer() throws IOException {
        FollowItem old = item("batch", 30, NOW.minus(Duration.ofDays(8)));

        assertThat(classifier.classify(old, 200, null, answer("Running", ""), null, NOW))
                .isInstanceOfSatisfying(FollowDecision.GiveUp.class,
                        g -> assertThat(g.reason()).contains("jobdrop.follow.max-age"));
        assertThat(classifier.classify(old, 503, null, "{}", null, NOW)).isInstanceOf(FollowDecision.GiveUp.class);
    }

    @Test
    void past_max_age_a_final_answer_is_still_taken() {
        FollowItem old = item("batch", 30, NOW.minus(Duration.ofDays(8)));

        assertThat(classifier.classify(old, 200, null, answer("Completed", ""), null, NOW))
                .isInstanceOfSatisfying(FollowDecision.Seen.class, seen -> {
                    assertThat(seen.observation().state()).isEqualTo("Completed");
                    assertThat(seen.nextPollAt()).isNull();
                });
    }
}
