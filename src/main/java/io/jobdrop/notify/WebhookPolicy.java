package io.jobdrop.notify;

import io.jobdrop.forward.Backoff;
import io.jobdrop.forward.RetryAfter;
import io.jobdrop.store.NotificationOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a webhook's answer means for its notification, with forwarding's retry discipline: 2xx is delivered; 408, 429,
 * 5xx and no answer at all (refused, reset, timed out) are retried with exponential backoff and jitter, a 429's or
 * 503's {@code Retry-After} honoured (up to {@code maxRetryAfter}); any other status (a 4xx: the receiver refuses
 * this request, and the same bytes again will not change its mind; or a redirect, which is not followed) gives up at
 * once. Retries stop after {@code maxAttempts} attempts, or when the next one would come later than {@code maxAge}
 * after the event; a notification already older than that when its turn comes is given up without being sent.
 */
public record WebhookPolicy(int maxAttempts, Duration maxAge, Backoff backoff, Duration maxRetryAfter) {

    public WebhookPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }

    /** Whether a notification created at {@code createdAt} is past its age at {@code now}, and dropped unsent. */
    public boolean expired(Instant createdAt, Instant now) {
        return now.isAfter(createdAt.plus(maxAge));
    }

    /**
     * @param status        the HTTP status, null when no answer came
     * @param retryAfter    the answer's {@code Retry-After}, null when absent
     * @param error         what went wrong, in words (the failure, or the status with the start of the body)
     * @param attemptsSoFar attempts made before this one
     */
    public NotificationOutcome classify(Integer status, String retryAfter, String error, int attemptsSoFar,
                                        Instant createdAt, Instant now) {
        if (status != null && status >= 200 && status < 300) {
            return new NotificationOutcome.Delivered(status);
        }
        boolean retryable = status == null || status == 408 || status == 429 || status >= 500;
        if (!retryable) {
            return new NotificationOutcome.GivenUp(status, error + " (not retried: the receiver refused the request)");
        }
        int attempts = attemptsSoFar + 1;
        if (attempts >= maxAttempts) {
            return new NotificationOutcome.GivenUp(status, error + " (given up after " + attempts + " attempts)");
        }
        Duration wait = backoff.delayAfter(attempts);
        if (status != null && (status == 429 || status == 503)) {
            Duration asked = RetryAfter.parse(retryAfter, now).orElse(Duration.ZERO);
            if (asked.compareTo(maxRetryAfter) > 0) {
                asked = maxRetryAfter;
            }
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        Instant next = now.plus(wait);
        if (next.isAfter(createdAt.plus(maxAge))) {
            return new NotificationOutcome.GivenUp(status, error + " (given up: the next attempt would come after"
                    + " jobdrop.notify.max-age " + maxAge + ")");
        }
        return new NotificationOutcome.Retry(status, error, next);
    }
}
