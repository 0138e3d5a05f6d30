package io.jobdrop.follow;

import io.jobdrop.forward.ApiError;
import io.jobdrop.forward.Backoff;
import io.jobdrop.forward.ForwardGate;
import io.jobdrop.forward.ResponseClassifier;
import io.jobdrop.forward.RetryAfter;
import io.jobdrop.store.FollowDecision;
import io.jobdrop.store.FollowItem;
import io.jobdrop.store.Observation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What one answer to a follow poll (or the lack of one) means, with forwarding's rules for a dependency that fails:
 * 429 waits for Retry-After, 401/403 pause the orchestrator gate (forwarding and following alike), 5xx and refused
 * connections back off with jitter. None of these end following; only {@code jobdrop.follow.max-age} or the
 * orchestrator saying it has no such job (404 from its JobStore) do, as {@code unknown}.
 */
final class PollClassifier {

    private final FollowPolicy policy;
    private final Backoff backoff;
    private final ForwardGate gate;
    private final ObservationReader reader;

    PollClassifier(FollowPolicy policy, Backoff backoff, ForwardGate gate) {
        this.policy = policy;
        this.backoff = backoff;
        this.gate = gate;
        this.reader = new ObservationReader(policy.outputBytes());
    }

    /** An answer with a final state is taken whatever the job's age: max-age gives up only on jobs not yet ended. */
    FollowDecision classify(FollowItem item, Integer status, String retryAfter, String body, Throwable failure,
                            Instant now) {
        FollowDecision decision = answer(item, status, retryAfter, body, failure, now);
        boolean ended = decision instanceof FollowDecision.Seen seen && seen.nextPollAt() == null;
        if (!ended && !(decision instanceof FollowDecision.GiveUp)
                && Duration.between(item.startedAt(), now).compareTo(policy.maxAge()) > 0) {
            return new FollowDecision.GiveUp("followed for longer than jobdrop.follow.max-age ("
                    + policy.maxAge() + ") without a final state; last seen " + item.state());
        }
        return decision;
    }

    private FollowDecision answer(FollowItem item, Integer status, String retryAfter, String body, Throwable failure,
                                  Instant now) {
        if (status == null) {
            return retry(item, now, failure == null ? "no response from the orchestrator"
                    : ResponseClassifier.describe(failure));
        }
        if (status == 200) {
            Optional<Observation> seen = reader.read(body);
            if (seen.isEmpty()) {
                return retry(item, now, "HTTP 200 without a job state in the body");
            }
            Observation observation = seen.get();
            return new FollowDecision.Seen(observation, isFinal(observation.state(), item.jobType()) ? null
                    : now.plus(policy.intervalAfter(item.polls() + 1)));
        }
        Optional<ApiError> error = ApiError.parse(body);
        String message = error.map(ApiError::message).orElse("");
        if (status == 404 && error.map(e -> "JobStore".equals(e.component())).orElse(false)) {
            return new FollowDecision.GiveUp("the orchestrator does not know the job any more: " + message);
        }
        if (status == 429) {
            Duration wait = RetryAfter.parse(retryAfter, now).orElse(policy.firstPoll());
            wait = wait.compareTo(policy.maxInterval()) > 0 ? policy.maxInterval() : wait;
            return new FollowDecision.Retry(now.plus(wait), "HTTP 429 rate limited; polling again after " + wait);
        }
        if (status == 401 || status == 403) {
            Instant until = now.plus(policy.authPause());
            String reason = "HTTP " + status + (status == 401 ? " credentials refused" : " access denied")
                    + (message.isEmpty() ? "" : ": " + message) + "; check jobdrop.orchestrator.token";
            gate.pause(until, reason);
            return new FollowDecision.Retry(until, reason);
        }
        return retry(item, now, "HTTP " + status + (message.isEmpty() ? "" : ": " + message));
    }

    /** Completed, Failed and Stopped end every job; daemon and service jobs are followed until Running (spec §14). */
    static boolean isFinal(String state, String jobType) {
        String s = state.toLowerCase(Locale.ROOT);
        if (s.equals("completed") || s.equals("failed") || s.equals("stopped")) {
            return true;
        }
        String type = jobType.toLowerCase(Locale.ROOT);
        return s.equals("running") && (type.equals("daemon") || type.equals("service"));
    }

    private FollowDecision retry(FollowItem item, Instant now, String reason) {
        return new FollowDecision.Retry(now.plus(backoff.delayAfter(item.failures() + 1)), reason);
    }
}
