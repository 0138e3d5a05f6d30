package io.jobdrop.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jobdrop.store.Delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one answer (or the lack of one) from {@code PUT /api/v1/orchestrator/jobs} means for the job, per the DESIGN §1
 * step 4 table. Bad input (400) is final; a broken dependency is retried; waits the orchestrator asks for (429) or
 * that hold for every job (401/403) never count towards the dead letters.
 */
public final class ResponseClassifier {

    /** Bacalhau's answer to an unchanged resubmission of a named job (spec §17): the job is already there. */
    public static final String NO_CHANGES = "no changes detected";

    private static final Pattern NO_CHANGES_JOB_ID = Pattern.compile("Job Id: '([^']*)'");
    private static final int SNIPPET = 200;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final ForwardPolicy policy;
    private final Backoff backoff;
    private final ForwardGate gate;

    public ResponseClassifier(ForwardPolicy policy, Backoff backoff, ForwardGate gate) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    public ResponseClassifier(ForwardPolicy policy, ForwardGate gate) {
        this(policy, Backoff.of(policy), gate);
    }

    /**
     * @param status           the HTTP status, or null when no response arrived
     * @param retryAfterHeader the {@code Retry-After} header, or null
     * @param body             the response body, or null
     * @param failure          why no response arrived (timeout, refused connection, I/O), or null
     * @param failuresSoFar    attempts of this job version that failed before this one
     * @param queuedAt         when the job version entered the outbox
     * @param now              the time of this answer
     */
    public Delivery classify(Integer status, String retryAfterHeader, String body, Throwable failure,
                             int failuresSoFar, Instant queuedAt, Instant now) {
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(now, "now");
        if (status == null) {
            return failed(failure == null ? "no response from the orchestrator" : describe(failure),
                    failuresSoFar, queuedAt, now);
        }
        int code = status;
        if (code >= 200 && code < 300) {
            return submitted(body).orElseGet(() -> failed(
                    "HTTP " + code + " without a job ID in the body: " + snippet(body), failuresSoFar, queuedAt, now));
        }
        Optional<ApiError> error = ApiError.parse(body);
        if (code == 400) {
            return new Delivery.Rejected(error.map(ApiError::message).filter(m -> !m.isBlank())
                    .orElseGet(() -> body == null || body.isBlank() ? "HTTP 400 with an empty body" : body));
        }
        if (code == 429) {
            Duration wait = RetryAfter.parse(retryAfterHeader, now).orElse(policy.defaultRetryAfter());
            if (wait.compareTo(policy.maxRetryAfter()) > 0) {
                wait = policy.maxRetryAfter();
            }
            return new Delivery.Retry(now.plus(wait), false, "HTTP 429 rate limited" + detail(error, body)
                    + "; retrying after " + human(wait));
        }
        if (code == 401 || code == 403) {
            Instant until = now.plus(policy.authPause());
            String why = error.map(ApiError::reason).filter(r -> !r.isBlank()).map(r -> " (" + snippet(r) + ")").orElse("");
            String reason = "HTTP " + code + (code == 401 ? " credentials refused" : " access denied")
                    + detail(error, body) + why + "; check jobdrop.orchestrator.token";
            gate.pause(until, reason);
            return new Delivery.Retry(until, false, reason + "; forwarding paused for " + human(policy.authPause()));
        }
        if (code == 500 && error.map(e -> e.message().contains(NO_CHANGES))
                .orElse(body != null && body.contains(NO_CHANGES))) {
            return new Delivery.AlreadyPresent(error.map(ApiError::message).orElse(body));
        }
        return failed("HTTP " + code + detail(error, body), failuresSoFar, queuedAt, now);
    }

    /** The orchestrator's job ID inside a "no changes detected" message, e.g. {@code j-7f…}. */
    public static Optional<String> existingJobId(String noChangesMessage) {
        if (noChangesMessage == null) {
            return Optional.empty();
        }
        Matcher m = NO_CHANGES_JOB_ID.matcher(noChangesMessage);
        return m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private Delivery failed(String reason, int failuresSoFar, Instant queuedAt, Instant now) {
        int attempts = failuresSoFar + 1;
        Duration age = Duration.between(queuedAt, now);
        if (age.compareTo(policy.maxAge()) > 0) {
            return new Delivery.Dead("older than max age " + human(policy.maxAge()) + " (queued " + queuedAt
                    + ", " + attempts + (attempts == 1 ? " attempt" : " attempts") + "): " + reason);
        }
        if (attempts >= policy.maxAttempts()) {
            return new Delivery.Dead("gave up after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ") + reason);
        }
        return new Delivery.Retry(now.plus(backoff.delayAfter(attempts)), true, reason);
    }

    private static Optional<Delivery> submitted(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(body);
            if (tree == null || !tree.path("JobID").isTextual() || tree.path("JobID").asText().isBlank()) {
                return Optional.empty();
            }
            List<String> warnings = new ArrayList<>();
            tree.path("Warnings").forEach(w -> warnings.add(w.asText()));
            return Optional.of(new Delivery.Submitted(tree.path("JobID").asText(),
                    tree.path("EvaluationID").asText(""), List.copyOf(warnings)));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** ": <Bacalhau Message>" or ": <start of the raw body>", one line, for logs and the attempt record. */
    private static String detail(Optional<ApiError> error, String body) {
        String text = error.map(ApiError::message).orElse(body);
        return text == null || text.isBlank() ? "" : ": " + snippet(text);
    }

    private static String snippet(String text) {
        if (text == null || text.isBlank()) {
            return "(empty body)";
        }
        String oneLine = text.strip().replaceAll("\\s*\\R\\s*", "; ");
        return oneLine.length() <= SNIPPET ? oneLine : oneLine.substring(0, SNIPPET) + "…";
    }

    /**
     * The innermost cause with a message says what happened (Camel and HTTP clients wrap the socket error several
     * times); without any message, the exception names of the chain.
     */
    public static String describe(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String message = chain.get(i).getMessage();
            if (message != null && !message.isBlank()) {
                return chain.get(i).getClass().getSimpleName() + ": " + snippet(message);
            }
        }
        StringBuilder names = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable cause : chain.subList(1, chain.size())) {
            names.append(" (").append(cause.getClass().getSimpleName()).append(')');
        }
        return names.toString();
    }

    static String human(Duration d) {
        long millis = d.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
